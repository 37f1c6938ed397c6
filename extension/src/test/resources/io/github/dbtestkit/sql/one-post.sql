-- one post; the id is given so later scripts can refer to it
insert into posts(id, body) values (1, 'first; with a semicolon');
