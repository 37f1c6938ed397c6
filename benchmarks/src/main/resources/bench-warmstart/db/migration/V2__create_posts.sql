create table post (
    id bigserial primary key,
    author_id bigint not null references author (id),
    title varchar(255) not null,
    body varchar(1000) not null,
    published_at timestamp
);
create index post_author_id_idx on post (author_id);
