create view published_post as
select p.id, p.title, a.display_name as author_name, p.published_at
from post p join author a on a.id = p.author_id
where p.published_at is not null;
