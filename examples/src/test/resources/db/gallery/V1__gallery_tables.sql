-- The gallery's tables: plain SQL that all three engines accept as written.
create table measurements (id integer primary key, amount integer, code varchar(10));
create table flags (id integer primary key, active boolean not null);
create table people (id integer primary key, name varchar(20) not null, nickname varchar(20));
create table subscribers (id integer primary key, email varchar(50) unique);
create table counters (id integer primary key, hits integer not null);
create table jobs (id integer primary key, state varchar(10) not null);
