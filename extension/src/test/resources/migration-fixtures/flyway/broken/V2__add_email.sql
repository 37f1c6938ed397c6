-- adds an email column, but the DEFAULT has no value
CREATE INDEX users_name ON users (name);
ALTER TABLE users ADD COLUMN email VARCHAR(200) NOT NULL DEFAULT;
