-- Billing-grade delivery (issue 17, item 4): per campaign, station and local day, the figures an operator invoices
-- from, stored by the feature that makes each of them, in the transaction of the write that makes it, so every
-- instance reads the same facts (docs/architecture.md, storage contract). Column groups have one writer each:
--   planning   contracted_plays, scheduled_plays, scheduled_seconds, planned_version (publishing a version)
--   agent      played_plays, reported_plays (storing a batch of plays, the full-length verdict of V7)
--   takeover   lost_plays (counting the plays a takeover displaced)
-- make_good_plays is the seam for make-goods (issue 17, item 3): nothing writes it yet.
create table campaign_delivery (
    campaign_id       text   not null,
    station_code      text   not null,
    day               date   not null,
    -- what the booking owes there that day: scheduled plus what the planner could not place; null until a
    -- version plans the day
    contracted_plays  bigint check (contracted_plays >= 0),
    scheduled_plays   bigint check (scheduled_plays >= 0),
    scheduled_seconds bigint check (scheduled_seconds >= 0),
    -- the version whose publication last changed the three figures above
    planned_version   bigint,
    played_plays      bigint not null default 0 check (played_plays >= 0),
    reported_plays    bigint not null default 0 check (reported_plays >= 0),
    lost_plays        bigint not null default 0 check (lost_plays >= 0),
    make_good_plays   bigint not null default 0 check (make_good_plays >= 0),
    primary key (campaign_id, station_code, day)
);

-- publication rewrites the planned figures of the stations it changed, by station and day
create index campaign_delivery_station_day_idx on campaign_delivery (station_code, day);

-- Plays stored before this migration, from the rollup: each UTC hour goes to the local day its start falls on
-- in the station's zone, as the delivery report counted them until now.
insert into campaign_delivery (campaign_id, station_code, day, played_plays, reported_plays)
select r.campaign_id, r.station_code, (r.hour at time zone st.zone_id)::date, sum(r.delivered), sum(r.plays)
from play_rollup r join station st on st.code = r.station_code
group by 1, 2, 3;

-- The latest version's planned figures (contracted = scheduled: what the planner could not place is known only
-- to the instance that planned it; the next publication stores it). Days before it stay unplanned (null).
with u as (
    select ss.version, sc.station_code, ss.first_day + ((x.i - 1) / 24)::int as day, x.plan_id, count(*) as n
    from screen_schedule ss join screen sc on sc.id = ss.screen_id
    cross join lateral unnest(ss.plan_ids) with ordinality as x(plan_id, i)
    where ss.version = (select max(version) from schedule_version) and x.plan_id is not null
    group by 1, 2, 3, 4
), f as (
    select h.id, s.value ->> 2 as campaign, count(*) as plays, sum((s.value ->> 1)::int) as seconds
    from hour_plan h cross join lateral jsonb_array_elements(h.body -> 'spots') s
    where h.id in (select plan_id from u) and s.value ->> 4 <> 'F'
    group by 1, 2
)
insert into campaign_delivery (campaign_id, station_code, day, contracted_plays, scheduled_plays,
                               scheduled_seconds, planned_version)
select f.campaign, u.station_code, u.day, sum(u.n * f.plays), sum(u.n * f.plays), sum(u.n * f.seconds),
       max(u.version)
from u join f on f.id = u.plan_id
group by 1, 2, 3
on conflict (campaign_id, station_code, day) do update
    set contracted_plays = excluded.contracted_plays, scheduled_plays = excluded.scheduled_plays,
        scheduled_seconds = excluded.scheduled_seconds, planned_version = excluded.planned_version;
