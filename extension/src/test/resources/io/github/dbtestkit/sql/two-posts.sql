insert into posts(id, body) values (2, 'it''s second');
/* a block comment; with a semicolon */
insert into posts(id, body)
  values (3, 'third');
