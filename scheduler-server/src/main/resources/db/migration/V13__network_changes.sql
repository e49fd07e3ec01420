-- Network changes, dated (issue 16, item 1): stations and screens are edited in place, and taken out of service
-- for a period or for good by dated rows that the planner reads with the network.

-- when a station or screen was last edited; the planning stamp (NetworkCatalog.Stamp) reads the latest
alter table station add column updated_at timestamptz not null default now();
alter table screen add column updated_at timestamptz not null default now();

-- A screen, or every screen of a station, off air from starts_at until ends_at (null: retired for good).
create table out_of_service (
    id           bigserial primary key,
    station_code text references station (code),
    screen_id    text references screen (id),
    starts_at    timestamptz not null,
    ends_at      timestamptz,
    reason       text not null,
    created_at   timestamptz not null default clock_timestamp(),
    check ((station_code is null) <> (screen_id is null)),
    check (ends_at is null or ends_at > starts_at)
);

create index out_of_service_station_idx on out_of_service (station_code);
create index out_of_service_screen_idx on out_of_service (screen_id);
