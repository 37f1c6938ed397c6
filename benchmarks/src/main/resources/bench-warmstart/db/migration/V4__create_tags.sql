create table tag (
    id bigserial primary key,
    name varchar(64) not null unique
);
create table post_tag (
    post_id bigint not null references post (id) on delete cascade,
    tag_id bigint not null references tag (id),
    primary key (post_id, tag_id)
);
