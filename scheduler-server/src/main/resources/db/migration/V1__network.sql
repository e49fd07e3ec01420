-- The stations and screens RailCast plans for (io.railcast.model.network).
-- Names are lower-case because Spring Data R2DBC quotes identifiers.

create table station (
    code     text primary key,
    name     text not null,
    province text not null,
    bureau   text not null,
    tier     text not null check (tier in ('HUB', 'MAJOR', 'STANDARD')),
    zone_id  text not null,
    -- operating hours; closes may be earlier than opens (crosses midnight), equal means all day
    opens    time not null,
    closes   time not null
);

create index station_province_idx on station (province);
create index station_bureau_idx on station (bureau);
create index station_tier_idx on station (tier);

create table screen (
    id           text primary key,
    station_code text not null references station (code),
    type         text not null check (type in ('LED_LARGE', 'LCD_FRAME', 'TV_SET')),
    zone         text not null,
    -- LoopPolicy: the loop repeats through every clock hour and is cut into whole slots
    loop_seconds integer not null check (loop_seconds > 0 and 3600 % loop_seconds = 0),
    slot_seconds integer not null check (slot_seconds > 0 and loop_seconds % slot_seconds = 0),
    created_at   timestamptz not null default now()
);

create index screen_station_idx on screen (station_code);
