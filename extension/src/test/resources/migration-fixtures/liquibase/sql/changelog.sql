--liquibase formatted sql

--changeset dba:1
CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);
--rollback DROP TABLE users;

--changeset dba:2
ALTER TABLE users ADD COLUMN email VARCHAR(200);
--rollback ALTER TABLE users DROP COLUMN email;
