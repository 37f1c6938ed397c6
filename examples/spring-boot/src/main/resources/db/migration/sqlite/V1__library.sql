-- The same schema as h2/ and postgresql/: SQLite only allows AUTOINCREMENT on INTEGER PRIMARY KEY (a 64-bit rowid),
-- and keeps timestamps as text.
create table author (
    id         integer primary key autoincrement,
    first_name varchar(255),
    last_name  varchar(255),
    birth_date date
);

create table genre (
    id   integer primary key autoincrement,
    name varchar(255) not null unique
);

create table book (
    id             integer primary key autoincrement,
    title          varchar(255) not null,
    main_author_id bigint not null references author (id),
    format         varchar(255),
    publisher_name varchar(255),
    published_on   date,
    created_at     timestamp
);

create table book_genres (
    book_id   bigint not null references book (id),
    genres_id bigint not null references genre (id),
    primary key (book_id, genres_id)
);

create table book_keywords (
    book_id  bigint not null references book (id),
    keywords varchar(255),
    unique (book_id, keywords)
);
