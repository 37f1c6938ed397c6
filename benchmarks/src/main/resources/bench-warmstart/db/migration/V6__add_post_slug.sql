alter table post add column slug varchar(255);
update post set slug = lower(replace(title, ' ', '-'));
create unique index post_slug_idx on post (slug);
