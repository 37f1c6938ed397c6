CREATE TABLE products (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    name  VARCHAR(100)   NOT NULL,
    price NUMERIC(10, 2) NOT NULL,
    stock INTEGER        NOT NULL,
    CONSTRAINT products_stock_not_negative CHECK (stock >= 0)
);
