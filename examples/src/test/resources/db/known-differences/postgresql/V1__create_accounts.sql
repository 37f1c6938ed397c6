-- Production's schema, as the DBA wrote it: names are capped at 60 characters (the mapping allows 100).
CREATE TABLE accounts (
    id         BIGINT      PRIMARY KEY,
    first_name VARCHAR(60) NOT NULL,
    last_name  VARCHAR(60) NOT NULL,
    full_name  VARCHAR(201)
);
