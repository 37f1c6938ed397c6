-- A schema someone wrote by hand, drifted from the blog entities:
-- posts.body is shorter than the mapping, comments has no foreign key and an extra NOT NULL column.
create table posts (
    id   bigint primary key,
    body varchar(200) not null
);
create table comments (
    id        bigint primary key,
    body      varchar(4000) not null,
    post_id   bigint not null,
    author    varchar(100) not null
);
