insert into tag (name) values ('java'), ('postgresql'), ('testing'), ('hibernate');
