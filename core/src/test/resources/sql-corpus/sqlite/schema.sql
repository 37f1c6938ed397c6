-- SQLite schema with a trigger whose body holds semicolons
CREATE TABLE owners (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  [first name] TEXT,
  `last_name` TEXT NOT NULL,
  updated_at TEXT
);
CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);
CREATE TRIGGER owners_touch AFTER UPDATE ON owners
BEGIN
  UPDATE owners SET updated_at = 'now; really' WHERE id = NEW.id;
  INSERT INTO audit (what) VALUES (CASE WHEN NEW.last_name IS NULL THEN 'none' ELSE NEW.last_name END);
END;
BEGIN TRANSACTION;
INSERT INTO owners ([first name], `last_name`) VALUES ('George', 'Franklin');
COMMIT;

-- a WHEN clause whose CASE ... END comes before the body, and a RAISE message with a semicolon
CREATE TEMP TRIGGER IF NOT EXISTS owners_guard BEFORE DELETE ON owners
WHEN CASE WHEN OLD.[first name] = 'George' THEN 1 ELSE 0 END
BEGIN
  SELECT RAISE(ABORT, 'George stays; always');
END;
CREATE VIEW "owner names" AS SELECT [first name] || ' ' || `last_name` AS full_name FROM owners;
