-- SQLite's scripts match the mapping.
CREATE TABLE accounts (
    id         BIGINT       PRIMARY KEY,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    full_name  VARCHAR(201)
);
