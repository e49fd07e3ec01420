-- Emergency takeovers (issue 17, item 2): a creative or a text notice on chosen screens from starts_at until ends_at
-- (null: until cancelled), preempting every campaign there. Rows are only added and then ended: cancelled_at and
-- the lost plays are set once.

create table takeover (
    id             uuid primary key,
    created_at     timestamptz not null,
    created_by     text        not null,
    reason         text        not null,
    -- what is shown: a stored creative, or a short notice the agents render on a plain background
    creative_id    text references creative (id),
    notice         text check (notice is null or length(notice) <= 280),
    starts_at      timestamptz not null,
    ends_at        timestamptz,
    -- which screens: the whole network, or those matching every non-empty list
    network        boolean     not null,
    stations       text[]      not null,
    provinces      text[]      not null,
    zones          text[]      not null,
    screen_types   text[]      not null,
    cancelled_at   timestamptz,
    cancelled_by   text,
    -- when the contracted plays it displaced were counted into takeover_lost_play (once it is over)
    lost_counted_at timestamptz,
    check ((creative_id is null) <> (notice is null)),
    check (ends_at is null or ends_at > starts_at),
    check (network or cardinality(stations) + cardinality(provinces) + cardinality(zones)
        + cardinality(screen_types) > 0)
);

create index takeover_live_idx on takeover (coalesce(cancelled_at, ends_at, 'infinity'::timestamptz));

-- The contracted plays (commercial and public-service spots of the published plan) a takeover displaced, per
-- campaign; make-goods read them.
create table takeover_lost_play (
    takeover_id uuid    not null references takeover (id),
    campaign_id text    not null,
    plays       integer not null check (plays > 0),
    seconds     bigint  not null check (seconds >= 0),
    primary key (takeover_id, campaign_id)
);
