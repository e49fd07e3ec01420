-- The public-service report (issue 17, item 6) and proof-of-play exports (item 4) read stored figures only.
--
-- creative_delivery: per campaign, creative, station and local day, the plays that count (V9) and their airtime,
-- stored by the agent feature in the statement that stores the plays (as campaign_delivery's played columns), so
-- that which PSA versions aired, and for how many hours, is a read of a small table on every instance rather than a
-- scan of a year of play_record. played_* count the full-length plays (V7: within 0.5 s of the creative's length);
-- played_millis is what those plays ran. The day is the station's local day of the play's UTC hour, as in
-- campaign_delivery.
create table creative_delivery (
    campaign_id    text   not null,
    creative_id    text   not null,
    station_code   text   not null,
    day            date   not null,
    played_plays   bigint not null default 0 check (played_plays >= 0),
    played_millis  bigint not null default 0 check (played_millis >= 0),
    reported_plays bigint not null default 0 check (reported_plays >= 0),
    primary key (campaign_id, creative_id, station_code, day)
);

-- the report reads a period of days across every campaign
create index creative_delivery_day_idx on creative_delivery (day);

-- Plays stored before this migration, counted once from play_record as the agent counts them.
insert into creative_delivery (campaign_id, creative_id, station_code, day, played_plays, played_millis,
                               reported_plays)
select p.campaign_id, p.creative_id, st.code, (date_trunc('hour', p.started_at, 'UTC') at time zone st.zone_id)::date,
       count(*) filter (where p.duration_millis >= c.duration_seconds * 1000 - 500),
       coalesce(sum(p.duration_millis) filter (where p.duration_millis >= c.duration_seconds * 1000 - 500), 0),
       count(*)
from play_record p
join screen sc on sc.id = p.screen_id
join station st on st.code = sc.station_code
left join creative c on c.id = p.creative_id
where p.rejection is null
group by 1, 2, 3, 4;

-- A campaign's plays in a period, in time order, for the spot-level proof-of-play export (OPRS): without it every
-- export scans every play of every campaign in the period's daily partitions. Made on every partition, present and
-- future.
create index play_record_campaign_idx on play_record (campaign_id, started_at, play_id);
