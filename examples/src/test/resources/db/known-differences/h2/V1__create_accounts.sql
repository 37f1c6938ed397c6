-- H2's scripts, kept for the fast local loop: full_name was declared NOT NULL here (the mapping leaves it optional).
CREATE TABLE accounts (
    id         BIGINT       PRIMARY KEY,
    first_name VARCHAR(100) NOT NULL,
    last_name  VARCHAR(100) NOT NULL,
    full_name  VARCHAR(201) NOT NULL
);
