-- The history of every change made through the application: who (the signed-in user's name), when (the server's
-- clock), from which address (the client's, as the server sees it), what kind of change, to which object, and the
-- object's state before and after as JSON (never a password or its hash). Written in the transaction of the change
-- itself (audit/AuditTrail), so a change that fails leaves no record.
create table audit_log (
    id          bigint generated always as identity primary key,
    recorded_at timestamptz not null,
    username    text        not null,
    address     text        not null,
    kind        text        not null,
    object_type text        not null,
    object_id   text        not null,
    before      jsonb,
    after       jsonb
);

-- newest first is id descending (the primary key); filters by object (a type, or a type and an id), by user and by
-- time
create index audit_log_object_idx on audit_log (object_type, object_id, id);
create index audit_log_object_type_idx on audit_log (object_type, id);
create index audit_log_user_idx on audit_log (username, id);
create index audit_log_recorded_at_idx on audit_log (recorded_at);

-- Append-only: any update, delete or truncate is refused, whoever asks and whatever it would touch (the schedule
-- tables refuse changes the same way, V4 and V8). Statement-level, so even one that matches no row fails.
create function refuse_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only: % may not be %d', tg_table_name, lower(tg_op);
end;
$$;

create trigger audit_log_no_update before update on audit_log
    for each statement execute function refuse_audit_change();
create trigger audit_log_no_delete before delete on audit_log
    for each statement execute function refuse_audit_change();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function refuse_audit_change();
