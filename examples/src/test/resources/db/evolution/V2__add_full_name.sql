-- Added nullable, backfilled from the existing columns, so rows written at version 1 get a value.
ALTER TABLE accounts ADD COLUMN full_name VARCHAR(201);
UPDATE accounts SET full_name = first_name || ' ' || last_name;
