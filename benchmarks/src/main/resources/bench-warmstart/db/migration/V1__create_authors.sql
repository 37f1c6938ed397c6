create table author (
    id bigserial primary key,
    display_name varchar(255) not null,
    email varchar(255) not null unique,
    created_at timestamp not null default now()
);
