create table owner (
    id bigserial primary key,
    first_name varchar(255),
    last_name varchar(255),
    street_name varchar(255),
    city_name varchar(255)
);
create table owner_nick_names (
    owner_id bigint not null references owner (id),
    nick_names varchar(255)
);
