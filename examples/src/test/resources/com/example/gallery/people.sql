-- Four people, one without a nickname; names and nicknames in mixed case.
insert into people (id, name, nickname) values (1, 'ann', null);
insert into people (id, name, nickname) values (2, 'bob', 'b');
insert into people (id, name, nickname) values (3, 'Cid', 'C');
insert into people (id, name, nickname) values (4, 'dan', 'a');
