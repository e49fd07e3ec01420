package io.railcast.server.makegood;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code make_good_owed} (V17), counted from {@code campaign_delivery} and, for screens still to report, from
 * {@code screen_status}'s {@code last_seen} and {@code screen}'s {@code station_code} (storage contract). Call
 * {@link #lock}, {@link #delivered} and {@link #store} in one transaction: the lock serialises counts of every
 * instance, so a job and a run asked for elsewhere never interleave their writes.
 */
@Repository
class OwedPlayRepository {

    /** Key of the transaction-scoped advisory lock of a count ("MKGD"). */
    static final long COUNT_LOCK = 0x4D4B4744L;

    /**
     * $1 the counting instant, $2 days back from the station's date then. The past station-days with a contracted
     * figure that may owe plays, or that owed plays when last counted (so that plays arriving late clear them).
     */
    private static final String DELIVERED = """
            select d.campaign_id, d.station_code, d.day, d.contracted_plays, d.scheduled_plays, d.played_plays,
                   d.lost_plays,
                   (select count(*) from screen sc join screen_status s on s.screen_id = sc.id
                    where sc.station_code = d.station_code
                      and s.last_seen < (d.day + 1)::timestamp at time zone st.zone_id) as awaiting
            from campaign_delivery d join station st on st.code = d.station_code
            where d.contracted_plays is not null
              and d.day < ($1::timestamptz at time zone st.zone_id)::date
              and d.day >= ($1::timestamptz at time zone st.zone_id)::date - $2::int
              and (d.contracted_plays > d.played_plays or exists (select 1 from make_good_owed o
                   where o.campaign_id = d.campaign_id and o.station_code = d.station_code and o.day = d.day))
            order by 1, 2, 3
            """;

    /**
     * $1 lines {@code campaign \t station \t day \t shortfall \t takeover \t not played \t awaiting}, $2 the counting
     * instant. Rows in key order; a row whose figures did not change keeps its {@code counted_at}.
     */
    private static final String STORE = """
            insert into make_good_owed (campaign_id, station_code, day, shortfall_plays, takeover_plays,
                                        not_played_plays, awaiting_screens, counted_at)
            select split_part(l, E'\\t', 1), split_part(l, E'\\t', 2), split_part(l, E'\\t', 3)::date,
                   split_part(l, E'\\t', 4)::bigint, split_part(l, E'\\t', 5)::bigint,
                   split_part(l, E'\\t', 6)::bigint, split_part(l, E'\\t', 7)::int, $2
            from unnest(string_to_array($1, E'\\n')) as t(l)
            order by 1, 2, 3
            on conflict (campaign_id, station_code, day) do update
                set shortfall_plays = excluded.shortfall_plays, takeover_plays = excluded.takeover_plays,
                    not_played_plays = excluded.not_played_plays, awaiting_screens = excluded.awaiting_screens,
                    counted_at = excluded.counted_at
                where (make_good_owed.shortfall_plays, make_good_owed.takeover_plays,
                       make_good_owed.not_played_plays, make_good_owed.awaiting_screens)
                    is distinct from (excluded.shortfall_plays, excluded.takeover_plays,
                                      excluded.not_played_plays, excluded.awaiting_screens)
            """;

    /**
     * Every owed play stored, by cause, how much of it the campaigns' policies want made good, and was placed (the
     * placed plays that stand, {@link PlacementRepository#PLACED}). $1 the instant.
     */
    private static final String TOTALS = """
            with placed as (%s), pairs as (
                select o.campaign_id, o.station_code,
                       sum(o.shortfall_plays + o.takeover_plays + o.not_played_plays) as owed,
                       coalesce(max(p.standing), 0) as placed
                from make_good_owed o
                left join placed p on p.campaign_id = o.campaign_id and p.station_code = o.station_code
                group by 1, 2
            )
            select count(*) as station_days, coalesce(sum(o.shortfall_plays), 0) as shortfall,
                   coalesce(sum(o.takeover_plays), 0) as takeover, coalesce(sum(o.not_played_plays), 0) as not_played,
                   count(*) filter (where o.awaiting_screens > 0) as awaiting,
                   coalesce(sum(o.shortfall_plays + o.takeover_plays + o.not_played_plays)
                            filter (where c.make_good_policy <> 'OFF'), 0) as to_make_good,
                   (select coalesce(sum(standing), 0) from placed) as placed,
                   (select coalesce(sum(greatest(owed - placed, 0)), 0) from pairs) as still_owed
            from make_good_owed o left join campaign c on c.id = o.campaign_id
            where o.shortfall_plays + o.takeover_plays + o.not_played_plays > 0
            """.formatted(PlacementRepository.PLACED.formatted("true", 1));

    private final DatabaseClient db;

    OwedPlayRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> lock() {
        return db.sql("select pg_advisory_xact_lock($1)")
                .bind(0, COUNT_LOCK)
                .map(row -> Boolean.TRUE)
                .one()
                .then();
    }

    /** The past station-days to count, in key order. */
    Flux<Delivered> delivered(Instant now, int lookbackDays) {
        return db.sql(DELIVERED)
                .bind(0, now)
                .bind(1, lookbackDays)
                .map(row -> new Delivered(
                        row.get("campaign_id", String.class),
                        row.get("station_code", String.class),
                        row.get("day", LocalDate.class),
                        OwedPlays.of(
                                longOf(row.get("contracted_plays")),
                                longOf(row.get("scheduled_plays")),
                                longOf(row.get("played_plays")),
                                longOf(row.get("lost_plays")),
                                (int) longOf(row.get("awaiting")))))
                .all();
    }

    /** Stores the counted rows; answers how many changed. */
    Mono<Long> store(String lines, Instant now) {
        return db.sql(STORE).bind(0, lines).bind(1, now).fetch().rowsUpdated();
    }

    /** The totals as they stand at {@code now}. */
    Mono<MakeGoodRun.Totals> totals(Instant now) {
        return db.sql(TOTALS)
                .bind(0, now)
                .map(row -> new MakeGoodRun.Totals(
                        longOf(row.get("station_days")),
                        longOf(row.get("shortfall")),
                        longOf(row.get("takeover")),
                        longOf(row.get("not_played")),
                        longOf(row.get("awaiting")),
                        longOf(row.get("to_make_good")),
                        longOf(row.get("placed")),
                        longOf(row.get("still_owed"))))
                .one();
    }

    /** A past station-day's owed plays, as counted now. */
    record Delivered(String campaign, String station, LocalDate day, OwedPlays owed) {

        String line() {
            return campaign
                    + '\t'
                    + station
                    + '\t'
                    + day
                    + '\t'
                    + owed.shortfall()
                    + '\t'
                    + owed.takeover()
                    + '\t'
                    + owed.notPlayed()
                    + '\t'
                    + owed.awaitingScreens();
        }
    }

    private static long longOf(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
