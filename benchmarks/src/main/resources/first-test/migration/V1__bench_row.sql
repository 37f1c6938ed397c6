create table bench_row (id bigint not null, name varchar(255), primary key (id));
