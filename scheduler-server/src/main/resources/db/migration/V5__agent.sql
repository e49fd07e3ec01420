-- The agent protocol's own tables (docs/agent-protocol.md). Published schedules are read from the planning and
-- campaign features' tables (docs/architecture.md, "Storage contract"); nothing here refers to them, so this
-- migration does not depend on theirs.

-- A screen's agent token, kept only as its SHA-256 (base64url): the token itself is shown once, when issued.
create table agent_token (
    token_hash text primary key,
    screen_id  text not null references screen (id) on delete cascade,
    created_at timestamptz not null default now(),
    revoked_at timestamptz
);

create index agent_token_live_idx on agent_token (screen_id) where revoked_at is null;

-- The last heartbeat of each screen's agent; last_seen is the database's clock, shared by every server instance.
create table screen_status (
    screen_id           text primary key references screen (id) on delete cascade,
    agent_version       text,
    schedule_version    bigint,
    cached_files        integer,
    cached_bytes        bigint,
    missing_media       integer,
    clock_offset_millis bigint,
    journal_backlog     integer,
    sent_at             timestamptz,
    last_seen           timestamptz not null
);

-- Proof of play, one row per play. Daily partitions (UTC days) are created by the server when a day first
-- appears, so that old days can be detached and archived whole. The primary key must hold the partition key;
-- an agent never changes a play's started_at, so (play_id, started_at) identifies a play as play_id does.
-- No foreign key to screen: proof of play outlives a screen's removal, and ingestion saves a lookup per row.
create table play_record (
    play_id          uuid        not null,
    started_at       timestamptz not null,
    screen_id        text        not null,
    campaign_id      text        not null,
    creative_id      text        not null,
    duration_millis  integer     not null,
    schedule_version bigint,
    received_at      timestamptz not null default now(),
    primary key (play_id, started_at)
) partition by range (started_at);

-- Plays per campaign, screen and UTC clock hour, kept up to date in the statement that stores the plays.
create table play_rollup (
    campaign_id  text          not null,
    screen_id    text          not null,
    station_code text,
    hour         timestamptz   not null,
    plays        bigint        not null,
    seconds      numeric(16,3) not null,
    primary key (campaign_id, screen_id, hour)
);

create index play_rollup_hour_idx on play_rollup (hour, campaign_id);
