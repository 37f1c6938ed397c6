INSERT INTO vets VALUES (default, 'James', 'Carter');
INSERT INTO vets VALUES (default, 'Helen', 'O''Leary'); -- trailing comment; with a semicolon
/* a block
   comment; spanning lines */
INSERT INTO "Owner Notes" VALUES (1, 'likes cats; dislikes dogs');
INSERT INTO specialties (name) VALUES ('radiology'), ('surgery'), ('dentistry');
INSERT INTO vet_specialties VALUES (2, 1);
INSERT INTO owners (first_name, last_name, telephone)
  VALUES ('George', 'Franklin', '6085551023'),
         ('Betty', 'Davis -- not a comment', '6085551749');
INSERT INTO pets (name, birth_date, owner_id, "Kind") VALUES ('Leo', DATE '2010-09-07', 1, 'dog');
INSERT INTO pets (name, birth_date, owner_id) VALUES ('Basil', '2012-08-06', 2);
