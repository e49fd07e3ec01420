-- Automatic make-goods, part 2 (issue 17, item 3): owed plays placed back into the campaigns' remaining flights.

-- What each make-good run placed, per campaign, station and local day: written by the make-good feature only, in the
-- transaction that publishes the version carrying it (a placement is checked and published like a booking, so it
-- never takes airtime the whole-flight check does not find free), and read by planning (MakeGoodBook) to plan it on
-- every instance. A second placement on the same day adds to the row. Plays are plays_per_screen on each screen the
-- campaign targets at the station, counted when placed (screens = that count), so plays = plays_per_screen * screens.
-- Outstanding owed plays of a campaign at a station = owed (make_good_owed) - placed (here), never below 0.
-- Their spots are marked "M" in hour plans and counted by publication into campaign_delivery.make_good_plays
-- (the planning column group of V16, which contracted_plays and scheduled_plays include).
create table make_good_placed (
    campaign_id      text        not null,
    station_code     text        not null,
    day              date        not null,
    -- when on that local day its plays may start (the day's start, or the next hour of a placement made that day)
    starts_at        timestamp   not null check (starts_at::date = day),
    plays_per_screen integer     not null check (plays_per_screen > 0),
    screens          integer     not null check (screens > 0),
    plays            bigint      not null check (plays = plays_per_screen::bigint * screens),
    -- the version whose publication last changed this placement
    placed_version   bigint      not null,
    placed_at        timestamptz not null,
    primary key (campaign_id, station_code, day)
);

-- planning reads the make-goods of the days it plans
create index make_good_placed_day_idx on make_good_placed (day);
