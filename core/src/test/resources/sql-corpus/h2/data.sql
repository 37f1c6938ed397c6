INSERT INTO vets VALUES (default, 'James', 'Carter');
INSERT INTO vets VALUES (default, 'Helen', 'O''Leary'); -- trailing comment; with a semicolon
/* a block
   comment; spanning lines */
INSERT INTO "Owner Notes" VALUES (1, 'likes cats; dislikes dogs');
