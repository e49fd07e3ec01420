package io.railcast.server.planning;

import io.railcast.model.campaign.MakeGood;
import io.railcast.model.schedule.Shortfall;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Planning's columns of {@code campaign_delivery} (contracted, scheduled, their seconds, the version, and the
 * make-good plays among them), written in
 * the transaction that publishes a version, in one statement: the figures are read back from the version's own
 * rows, so they are what agents get, not what this instance remembers. Only the stations whose screen rows
 * differ from the version before, and those where the planner could not place plays now or before, are
 * recounted, so a booking at one station costs that station's screen rows; a version that plans other days than
 * the one before (the nightly re-plan) recounts every station. Days before the version's first keep the figures
 * of the last version that planned them: that is what a past day was contracted for.
 *
 * <p>Plays placed to make good owed plays ({@link MakeGood}, spots marked {@code "M"}) are owed that day like the
 * booking's own: they count into contracted and scheduled (and, when not placed, into contracted only), and
 * {@code make_good_plays} is their part of contracted. So a make-good that does not air is owed again.
 */
@Repository
class PlannedDelivery {

    /**
     * $1 the version, $2 the one before it (0: none), $3 plays the planner could not place as lines of
     * {@code campaign \t station \t day \t plays \t of which make-good plays}. Rows are upserted in key order, as the plays' and takeovers'
     * statements do, so that concurrent writers of the table cannot deadlock.
     */
    private static final String STORE = """
            with v as (select first_day, days from schedule_version where version = $1),
            missing as (
                select split_part(l, E'\\t', 1) as campaign, split_part(l, E'\\t', 2) as station,
                       split_part(l, E'\\t', 3)::date as day, split_part(l, E'\\t', 4)::bigint as plays,
                       split_part(l, E'\\t', 5)::bigint as make_goods
                from unnest(string_to_array($3, E'\\n')) as t(l)
            ), touched as (
                select sc.station_code from screen sc
                left join screen_schedule n on n.version = $1 and n.screen_id = sc.id
                left join screen_schedule o on o.version = $2 and o.screen_id = sc.id
                where n.plan_ids is distinct from o.plan_ids or not exists (select 1 from schedule_version b, v
                    where b.version = $2 and b.first_day = v.first_day and b.days = v.days)
                union select station from missing
                union select d.station_code from campaign_delivery d, v
                    where d.day >= v.first_day and d.day < v.first_day + v.days
                      and d.contracted_plays > d.scheduled_plays
            ), usage as (
                select sc.station_code, ss.first_day + ((x.i - 1) / 24)::int as day, x.plan_id, count(*) as n
                from screen_schedule ss join screen sc on sc.id = ss.screen_id
                cross join lateral unnest(ss.plan_ids) with ordinality as x(plan_id, i)
                where ss.version = $1 and x.plan_id is not null
                  and sc.station_code in (select station_code from touched)
                group by 1, 2, 3
            ), facts as (
                select p.id, s.value->>2 as campaign, count(*) as plays, sum((s.value->>1)::int) as seconds,
                       count(*) filter (where s.value->>5 = 'M') as make_goods
                from (select id, body->'spots' as spots from hour_plan
                      where id in (select plan_id from usage) offset 0) p
                cross join lateral jsonb_array_elements(p.spots) s
                where s.value->>4 <> 'F' group by 1, 2
            ), scheduled as (
                select f.campaign, u.station_code, u.day, sum(u.n * f.plays) as plays, sum(u.n * f.seconds) as seconds,
                       sum(u.n * f.make_goods) as make_goods
                from usage u join facts f on f.id = u.plan_id group by 1, 2, 3
            ), keys as (
                select campaign, station_code, day from scheduled
                union select campaign, station, day from missing
                union select d.campaign_id, d.station_code, d.day from campaign_delivery d, v
                    where d.day >= v.first_day and d.day < v.first_day + v.days
                      and d.station_code in (select station_code from touched) and d.contracted_plays > 0
            )
            insert into campaign_delivery (campaign_id, station_code, day, contracted_plays, scheduled_plays,
                                           scheduled_seconds, planned_version, make_good_plays)
            select k.campaign, k.station_code, k.day, coalesce(s.plays, 0) + coalesce(m.plays, 0),
                   coalesce(s.plays, 0), coalesce(s.seconds, 0), $1, coalesce(s.make_goods, 0) + coalesce(m.make_goods, 0)
            from keys k
            left join scheduled s on s.campaign = k.campaign and s.station_code = k.station_code and s.day = k.day
            left join missing m on m.campaign = k.campaign and m.station = k.station_code and m.day = k.day
            order by 1, 2, 3
            on conflict (campaign_id, station_code, day) do update
                set contracted_plays = excluded.contracted_plays, scheduled_plays = excluded.scheduled_plays,
                    scheduled_seconds = excluded.scheduled_seconds, planned_version = excluded.planned_version,
                    make_good_plays = excluded.make_good_plays
                where (campaign_delivery.contracted_plays, campaign_delivery.scheduled_plays,
                       campaign_delivery.scheduled_seconds, campaign_delivery.make_good_plays)
                    is distinct from (excluded.contracted_plays, excluded.scheduled_plays, excluded.scheduled_seconds,
                                      excluded.make_good_plays)
            """;

    private final DatabaseClient db;

    PlannedDelivery(DatabaseClient db) {
        this.db = db;
    }

    /** Stores the planned figures of {@code version}, published on {@code base}; call it in its transaction. */
    Mono<Void> store(long version, long base, String missing) {
        return db.sql(STORE)
                .bind(0, version)
                .bind(1, base)
                .bind(2, missing)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * The plays the planner could not place, summed per campaign, station and day, as {@link #STORE} reads them:
     * a few lines per campaign that does not fit, not one per screen-hour. A make-good's plays count to the
     * campaign it makes good, and apart as its make-good plays.
     */
    static String missing(List<Shortfall> shortfalls) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Shortfall s : shortfalls) {
            long[] sum = sums.computeIfAbsent(
                    MakeGood.bookingOf(s.campaignId()) + '\t' + s.station() + '\t' + s.date(), key -> new long[2]);
            long plays = (long) s.missingPlays() * s.screens();
            sum[0] += plays;
            if (MakeGood.madeGoodFor(s.campaignId()).isPresent()) {
                sum[1] += plays;
            }
        }
        StringBuilder lines = new StringBuilder();
        sums.forEach((key, plays) -> lines.append(key)
                .append('\t')
                .append(plays[0])
                .append('\t')
                .append(plays[1])
                .append('\n'));
        if (!lines.isEmpty()) {
            lines.setLength(lines.length() - 1);
        }
        return lines.toString();
    }
}
