insert into comments(id, body, post_id) values (1, 'nice', 1);
