-- fixture data for SqlFixturesTest; runs inside each test's transaction
insert into posts(body) values ('first');
insert into posts(body) values ('second');
insert into posts(body) values ('third');
