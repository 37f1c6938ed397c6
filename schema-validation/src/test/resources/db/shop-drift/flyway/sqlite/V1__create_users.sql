-- SQLite: AUTOINCREMENT is only allowed on INTEGER PRIMARY KEY (a 64-bit rowid, so a Long id loses nothing).
CREATE TABLE users (
    id    INTEGER PRIMARY KEY AUTOINCREMENT,
    email VARCHAR(200) NOT NULL UNIQUE,
    name  VARCHAR(100) NOT NULL
);
