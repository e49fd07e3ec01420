-- Holds (options, issue 15 item 4): inventory kept for a proposed campaign until it is confirmed into a booking,
-- released, or expires. A hold in force is counted as booked in every availability check and booking but never
-- planned into a published schedule. Written by the campaign feature only.
create table hold (
    -- also the holds' revision: a booking checked against the holds up to number n is refused at publication
    -- (and checked again) when a later hold was taken meanwhile (max(id) > n), under the publication lock
    id          bigint generated always as identity primary key,
    -- the campaign it becomes when confirmed: no campaign and no other hold has this id
    campaign_id text not null unique,
    kind        text not null check (kind in ('COMMERCIAL', 'PUBLIC_SERVICE', 'FILLER')),
    -- the proposed campaign as the API takes it (as campaign.body)
    body        jsonb not null,
    created_at  timestamptz not null,
    created_by  text not null,
    -- counted nowhere from this instant on; the hold-expiry job deletes the row afterwards
    expires_at  timestamptz not null,
    check (expires_at > created_at)
);

create index hold_expires_at_idx on hold (expires_at);
