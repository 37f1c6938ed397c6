insert into posts(id, body) values (10, 'fine');

-- the next statement fails
insert into no_such_table(id) values (1);
