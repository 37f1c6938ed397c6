-- SQLite: matches the entity
CREATE TABLE users (
    id    INTEGER PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    email VARCHAR(200),
    phone VARCHAR(30)
);
