-- Automatic make-goods (issue 17, item 3): what each campaign is owed, and whether it wants it made good.

-- The make-good policy of each campaign, read from its booking (the body the campaign feature writes, field
-- "makeGoods": ON, OFF or EXTEND, with "makeGoodDays" for EXTEND). Generated, so the body stays its one home:
-- bookings stored before this migration get the default, ON for a commercial campaign and OFF for the rest.
alter table campaign
    add column make_good_policy text generated always as (
        coalesce(body ->> 'makeGoods', case when kind = 'COMMERCIAL' then 'ON' else 'OFF' end)) stored,
    add column make_good_days integer generated always as ((body ->> 'makeGoodDays')::integer) stored;

-- Owed plays as stored facts, per campaign, station and local day, by cause; written by the make-good feature only
-- (its job and POST /api/v1/make-goods/run), recounted from campaign_delivery for days before the station's date
-- on the counting server's clock, so every instance reads the same rows. A cause's plays:
--   shortfall_plays   contracted plays the planner could not place (contracted - scheduled)
--   takeover_plays    scheduled plays an emergency takeover displaced (lost_plays), not played
--   not_played_plays  the rest of contracted less played (full-length plays, the 0.5 s rule of V7)
-- awaiting_screens: screens of the station whose agent had reported before but not since the day ended; their
-- journals may still hold plays of that day, so the not-played figure is not final while it is above 0.
create table make_good_owed (
    campaign_id      text        not null,
    station_code     text        not null,
    day              date        not null,
    shortfall_plays  bigint      not null check (shortfall_plays >= 0),
    takeover_plays   bigint      not null check (takeover_plays >= 0),
    not_played_plays bigint      not null check (not_played_plays >= 0),
    awaiting_screens integer     not null check (awaiting_screens >= 0),
    -- when a count last changed these figures
    counted_at       timestamptz not null,
    primary key (campaign_id, station_code, day)
);
