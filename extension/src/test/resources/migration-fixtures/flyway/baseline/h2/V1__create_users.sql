-- H2: the name column was cut to 30 characters and the phone column is not there yet
CREATE TABLE users (
    id    INTEGER PRIMARY KEY,
    name  VARCHAR(30) NOT NULL,
    email VARCHAR(200)
);
