package io.railcast.server.makegood;

import io.railcast.model.campaign.MakeGood;
import io.railcast.server.planning.MakeGoodBook;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code make_good_placed} (V19): the make-goods placed, written with the version that publishes each, and read by
 * planning ({@link MakeGoodBook}); with {@code make_good_owed} (V17) and {@code campaign}'s policy and status
 * columns, what each campaign is still owed at each station.
 */
@Repository
class PlacementRepository implements MakeGoodBook {

    /**
     * Per campaign and station, the plays placed to make good ({@code plays}, every placement) and of those the ones
     * that stand ({@code standing}): on a day before the station's date at the instant (the parameter numbered by
     * the second format argument), only as many as that day's plan asked for ({@code campaign_delivery}'s
     * {@code make_good_plays}, scheduled or not, so those are owed again by that day if they did not air); a
     * make-good whose day lost its airtime (a closure, screens out of service) asked for none, and its plays are owed
     * again. Today's and later days' plays stand as placed. The first format argument: a condition on
     * {@code p.campaign_id}.
     */
    static final String PLACED = """
            select p.campaign_id, p.station_code, sum(p.plays) as plays,
                   sum(case when st.zone_id is not null and p.day < ($%2$d::timestamptz at time zone st.zone_id)::date
                            then least(p.plays, coalesce(d.make_good_plays, 0)) else p.plays end) as standing
            from make_good_placed p
            left join station st on st.code = p.station_code
            left join campaign_delivery d
                on d.campaign_id = p.campaign_id and d.station_code = p.station_code and d.day = p.day
            where %1$s group by 1, 2
            """;

    /**
     * Per campaign with a policy that makes good and station: owed (every cause), placeable (the not-played plays of
     * days with screens still to report are not final, so not placed yet), placed ({@link #PLACED}). Only where
     * something is owed. $1: a campaign id, or null for every campaign; $2 the instant.
     */
    private static final String OUTSTANDING =
            """
            with owed as (
                select campaign_id, station_code,
                       sum(shortfall_plays + takeover_plays + not_played_plays) as owed,
                       sum(shortfall_plays + takeover_plays
                           + case when awaiting_screens = 0 then not_played_plays else 0 end) as placeable
                from make_good_owed where ($1::text is null or campaign_id = $1) group by 1, 2
            ), placed as (%s)
            select w.campaign_id, w.station_code, c.make_good_policy as policy, c.make_good_days as days,
                   c.status, w.owed, w.placeable, coalesce(p.plays, 0) as placed, coalesce(p.standing, 0) as standing
            from owed w join campaign c on c.id = w.campaign_id
            left join placed p on p.campaign_id = w.campaign_id and p.station_code = w.station_code
            where w.owed > 0 or p.plays > 0
            order by 1, 2
            """.formatted(PLACED.formatted("($1::text is null or p.campaign_id = $1)", 2));

    /**
     * $1 campaign, $2 station, $3 day, $4 starts at, $5 plays per screen, $6 screens, $7 version, $8 instant,
     * $9 the plays placed for the campaign at the station when the placement was decided: stored only if no other
     * placement came in between (a run asked for on another instance), so owed plays are never placed twice.
     */
    private static final String PLACE = """
            insert into make_good_placed (campaign_id, station_code, day, starts_at, plays_per_screen, screens,
                                          plays, placed_version, placed_at)
            select $1, $2, $3, $4, $5, $6, $5::bigint * $6, $7, $8
            where (select coalesce(sum(plays), 0) from make_good_placed where campaign_id = $1 and station_code = $2)
                  = $9
            on conflict (campaign_id, station_code, day) do update
                set starts_at = excluded.starts_at, plays_per_screen = excluded.plays_per_screen,
                    screens = excluded.screens, plays = excluded.plays, placed_version = excluded.placed_version,
                    placed_at = excluded.placed_at
            """;

    private final DatabaseClient db;
    private final Clock clock;

    PlacementRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** What campaigns are owed, placed and still owed, by station; {@code campaignId} null for every campaign. */
    Flux<Outstanding> outstanding(@Nullable String campaignId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(OUTSTANDING).bind(1, clock.instant());
        spec = campaignId == null ? spec.bindNull(0, String.class) : spec.bind(0, campaignId);
        return spec.map(row -> new Outstanding(
                        row.get("campaign_id", String.class),
                        row.get("station_code", String.class),
                        String.valueOf(row.get("policy", String.class)),
                        row.get("days", Integer.class),
                        String.valueOf(row.get("status", String.class)),
                        longOf(row.get("owed")),
                        longOf(row.get("placeable")),
                        longOf(row.get("placed")),
                        longOf(row.get("standing"))))
                .all();
    }

    /** The make-goods of a campaign, by station and day. */
    Flux<Placed> placements(@Nullable String campaignId) {
        DatabaseClient.GenericExecuteSpec spec = db.sql("select campaign_id, station_code, day, starts_at,"
                + " plays_per_screen, screens, plays, placed_version from make_good_placed"
                + " where ($1::text is null or campaign_id = $1) order by 1, 2, 3");
        spec = campaignId == null ? spec.bindNull(0, String.class) : spec.bind(0, campaignId);
        return spec.map(row -> new Placed(
                        new MakeGood(
                                row.get("campaign_id", String.class),
                                row.get("station_code", String.class),
                                row.get("day", LocalDate.class),
                                row.get("starts_at", LocalDateTime.class),
                                (int) longOf(row.get("plays_per_screen"))),
                        (int) longOf(row.get("screens")),
                        longOf(row.get("plays")),
                        longOf(row.get("placed_version"))))
                .all();
    }

    /**
     * Stores {@code makeGood} on {@code screens} screens with the version being published; fails (so the version is
     * not published) when another placement for its campaign and station was stored since {@code placedBefore}
     * plays were read.
     */
    Mono<Void> place(MakeGood makeGood, int screens, long version, long placedBefore) {
        return db.sql(PLACE)
                .bind(0, makeGood.campaignId())
                .bind(1, makeGood.station())
                .bind(2, makeGood.day())
                .bind(3, makeGood.from())
                .bind(4, makeGood.playsPerScreen())
                .bind(5, screens)
                .bind(6, version)
                .bind(7, clock.instant())
                .bind(8, placedBefore)
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> rows == 1
                        ? Mono.<Void>empty()
                        : Mono.error(new PlacedElsewhere(makeGood.campaignId(), makeGood.station())));
    }

    /** Make-goods of days from yesterday (UTC) on: no station's today is earlier; older ones plan nothing. */
    @Override
    public Mono<List<MakeGood>> placed() {
        LocalDate yesterday =
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        return db.sql("select campaign_id, station_code, day, starts_at, plays_per_screen from make_good_placed"
                        + " where day >= $1 order by 1, 2, 3")
                .bind(0, yesterday)
                .map(row -> new MakeGood(
                        row.get("campaign_id", String.class),
                        row.get("station_code", String.class),
                        row.get("day", LocalDate.class),
                        row.get("starts_at", LocalDateTime.class),
                        (int) longOf(row.get("plays_per_screen"))))
                .all()
                .collectList();
    }

    /**
     * A campaign at a station with plays owed or placed.
     *
     * @param owed      owed plays stored, every cause
     * @param placeable of those, the final ones (not-played plays of days with screens still to report are not)
     * @param placed    plays placed to make good so far, every placement
     * @param standing  of those, the ones that stand: not those of past days whose plan did not ask for them
     */
    record Outstanding(
            String campaignId,
            String station,
            String policy,
            @Nullable Integer extendDays,
            String status,
            long owed,
            long placeable,
            long placed,
            long standing) {

        /** Owed plays not made good: what stays owed. */
        long stillOwed() {
            return Math.max(owed - standing, 0);
        }

        /** Owed plays a run may place now. */
        long toPlace() {
            return "ACTIVE".equals(status) && !"OFF".equals(policy) ? Math.max(placeable - standing, 0) : 0;
        }
    }

    /** A stored make-good with the screens and plays it was counted for, and the version that placed it. */
    record Placed(MakeGood makeGood, int screens, long plays, long version) {}

    /** Another instance placed make-goods for the same campaign and station meanwhile: this one is not stored. */
    static final class PlacedElsewhere extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PlacedElsewhere(String campaign, String station) {
            super(
                    "make-goods of " + campaign + " at " + station + " were placed elsewhere meanwhile",
                    null,
                    false,
                    false);
        }
    }

    private static long longOf(@Nullable Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
