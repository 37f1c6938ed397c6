-- PostgreSQL: the phone column is not there yet
CREATE TABLE users (
    id    INTEGER PRIMARY KEY,
    name  VARCHAR(100) NOT NULL,
    email VARCHAR(200)
);
