create table comment (
    id bigserial primary key,
    post_id bigint not null references post (id) on delete cascade,
    body varchar(1000),
    created_at timestamp not null default now()
);
create index comment_post_id_idx on comment (post_id);
