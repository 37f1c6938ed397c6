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
