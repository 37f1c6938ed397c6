-- SQLite has no ALTER TABLE ... ADD CONSTRAINT: foreign keys are declared inside CREATE TABLE, as here on every engine.
-- (Hibernate's create_all emits no foreign keys at all on SQLite, which is one reason this schema is migrated.)
CREATE TABLE orders (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id    BIGINT    NOT NULL,
    product_id BIGINT    NOT NULL,
    quantity   INTEGER   NOT NULL,
    created_at TIMESTAMP NOT NULL,
    CONSTRAINT orders_quantity_positive CHECK (quantity > 0),
    CONSTRAINT fk_orders_user FOREIGN KEY (user_id) REFERENCES users (id),
    CONSTRAINT fk_orders_product FOREIGN KEY (product_id) REFERENCES products (id)
);
CREATE INDEX orders_user_id ON orders (user_id);
CREATE INDEX orders_product_id ON orders (product_id);
