-- Users, creatives and campaigns: what planners, the CSR team and operators book and sign in with.
-- Names are lower-case because Spring Data R2DBC quotes identifiers.

-- People who sign in to the API. The first administrator comes from configuration (railcast.security.*) and is
-- not stored here.
create table users (
    username      text primary key check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    -- Spring Security's delegating format, {bcrypt}$2a$...
    password_hash text not null,
    role          text not null check (role in ('PLANNER', 'CSR', 'OPERATOR', 'ADMIN')),
    created_at    timestamptz not null default now()
);

-- A piece of media (io.railcast.model.campaign.Creative). Read by the agent feature (docs/architecture.md):
-- sha256 and size_bytes describe the file at media_path exactly. Immutable once stored.
create table creative (
    id               text primary key,
    duration_seconds integer not null check (duration_seconds > 0),
    screen_types     text[]  not null check (cardinality(screen_types) > 0
                                             and screen_types <@ array ['LED_LARGE', 'LCD_FRAME', 'TV_SET']),
    sha256           text    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes       bigint  not null check (size_bytes >= 0),
    content_type     text    not null,
    -- absolute path of the file on the server's disk
    media_path       text    not null,
    created_at       timestamptz not null default now()
);

-- A booking (io.railcast.model.campaign.Campaign) as the API takes it, creatives by id, in body; kind and status
-- are columns for filters and role checks, version counts the campaign's own changes (optimistic locking).
create table campaign (
    id                text primary key,
    kind              text    not null check (kind in ('COMMERCIAL', 'PUBLIC_SERVICE', 'FILLER')),
    status            text    not null check (status in ('ACTIVE', 'PAUSED', 'CANCELLED')),
    version           integer not null check (version > 0),
    body              jsonb   not null,
    -- the schedule version that last published a change of this campaign; no foreign key, since
    -- schedule_version comes with V4 and a campaign row is written in the same transaction as its version
    published_version bigint,
    created_at        timestamptz not null default now(),
    created_by        text    not null,
    updated_at        timestamptz not null default now(),
    updated_by        text    not null
);

create index campaign_kind_status_idx on campaign (kind, status);

-- Generated campaign ids (C-000001, ...) for requests that name none
create sequence campaign_number_seq;
