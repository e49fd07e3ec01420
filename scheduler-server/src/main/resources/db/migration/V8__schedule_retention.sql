-- Published schedules never change (V4 refuses updates), and are deleted only by version retention
-- (planning/VersionRetention, docs/architecture.md): a delete in a transaction that has not set the
-- transaction-local setting railcast.retention to 'on' is refused. Statement-level, so retiring a version of
-- 5,600 screen rows runs the check once per statement.

create function refuse_schedule_delete() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('railcast.retention', true), '') = 'on' then
        return null;
    end if;
    raise exception 'published schedules are deleted only by version retention: % may not be deleted', tg_table_name;
end
$$;

create trigger schedule_version_retention before delete on schedule_version
    for each statement execute function refuse_schedule_delete();
create trigger hour_plan_retention before delete on hour_plan
    for each statement execute function refuse_schedule_delete();
create trigger screen_schedule_retention before delete on screen_schedule
    for each statement execute function refuse_schedule_delete();
