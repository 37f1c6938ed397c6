create table post_audit (
    id bigserial primary key,
    post_id bigint not null,
    changed_at timestamp not null default now()
);
create function record_post_change() returns trigger as $$
begin
    insert into post_audit (post_id) values (new.id);
    return new;
end;
$$ language plpgsql;
create trigger post_changed after insert or update on post for each row execute function record_post_change();
