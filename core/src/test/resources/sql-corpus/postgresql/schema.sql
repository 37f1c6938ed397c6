-- PostgreSQL: functions, DO blocks, E'' strings and a BEGIN ATOMIC body
CREATE TABLE owners (
  id bigserial PRIMARY KEY,
  last_name varchar(30) NOT NULL
);
COMMENT ON COLUMN owners.last_name IS 'family name; as on the passport';

CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.last_name := trim(NEW.last_name);
  RETURN NEW;
END;
$$;

CREATE FUNCTION owner_count() RETURNS bigint LANGUAGE sql
BEGIN ATOMIC
  SELECT count(*) FROM owners;
END;

DO $do$ BEGIN RAISE NOTICE 'ready; set'; END $do$;
INSERT INTO owners (last_name) VALUES (E'O\'Brien; Jr.');
SELECT $1::int;
