-- Three posts, on every engine a CrossEngine test compares.
INSERT INTO posts (body) VALUES ('first');
INSERT INTO posts (body) VALUES ('Second');
INSERT INTO posts (body) VALUES ('third');
