-- Published schedules, exactly as docs/architecture.md ("Storage contract between the server's features") states:
-- written by the planning feature, read by the agent feature. A version and its screen rows are inserted in one
-- transaction; nothing here is ever updated.

create table schedule_version (
    version      bigint primary key check (version > 0),
    published_at timestamptz not null default now(),
    effective_at timestamptz not null,
    urgent       boolean     not null,
    first_day    date        not null,
    days         integer     not null check (days > 0),
    reason       text        not null
);

-- Content-addressed: id = first 16 hex characters of the SHA-256 of the plan's canonical body, so a plan shared by
-- many screen-hours and versions is stored once.
-- body = {"onAir":{"from":0,"to":3600},"spots":[[offset,duration,"campaign","creative","C"|"P"|"F"],...]}
create table hour_plan (
    id   text primary key check (id ~ '^[0-9a-f]{16}$'),
    body jsonb not null
);

create table screen_schedule (
    version          bigint not null references schedule_version (version),
    screen_id        text   not null references screen (id),
    first_day        date   not null,
    -- index = day * 24 + local hour (PostgreSQL arrays count from 1); NULL = off air that hour
    plan_ids         text[] not null,
    -- a full hour of filler content, for an agent whose horizon runs out while it cannot reach the server
    fallback_plan_id text references hour_plan (id),
    primary key (version, screen_id)
);

create function refuse_schedule_update() returns trigger language plpgsql as $$
begin
    raise exception 'published schedules are immutable: % may not be updated', tg_table_name;
end
$$;

create trigger schedule_version_immutable before update on schedule_version
    for each row execute function refuse_schedule_update();
create trigger hour_plan_immutable before update on hour_plan
    for each row execute function refuse_schedule_update();
create trigger screen_schedule_immutable before update on screen_schedule
    for each row execute function refuse_schedule_update();
