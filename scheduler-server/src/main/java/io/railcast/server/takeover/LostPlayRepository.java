package io.railcast.server.takeover;

import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The contracted plays a takeover displaced ({@code takeover_lost_play}), counted once it is over from the published
 * plan ({@code screen_schedule}, {@code schedule_version}, {@code hour_plan}, read through the storage contract's
 * columns): on each screen the takeover covers, every commercial or public-service spot that overlaps the takeover's
 * period, even by a second, since a cut spot does not air in full, taken from the version in force on that screen at
 * each moment of the period. Fillers are not contracted.
 */
@Repository
class LostPlayRepository {

    /**
     * $1 takeover, $2..$6 its target, $7 start, $8 end. A screen's row of a version is in force from the version's
     * {@code effective_at} until a later version of that screen takes effect (the rule agents play by): {@code rows}
     * clips each row to that interval within the period, and drops those never in force in it. A row's plan index
     * is day × 24 + local hour from its first day; the local hour is converted in the station's zone (wall-clock
     * arithmetic, then {@code at time zone}), and only hours touching the row's interval are unpacked. A spot planned
     * alike by two versions across the instant one replaced the other is one play. The same plays, by campaign,
     * station and the local day of the spot, are added to {@code campaign_delivery}'s {@code lost_plays}, in key
     * order like every writer of that table.
     */
    private static final String COUNT = "with lost as (select distinct r.screen_id, r.station_code, r.zone_id,"
            + " spot->>2 as campaign,"
            + " hour.starts + (spot->>0)::int * interval '1 second' as spot_start, (spot->>1)::int as seconds"
            + " from (select ss.screen_id, s.station_code, ss.first_day, ss.plan_ids, st.zone_id,"
            + " greatest(v.effective_at, $7) as from_at,"
            + " least(coalesce(min(v.effective_at) over (partition by ss.screen_id order by ss.version desc"
            + " rows between unbounded preceding and 1 preceding), 'infinity'::timestamptz), $8) as to_at"
            + " from screen s join station st on st.code = s.station_code"
            + " join screen_schedule ss on ss.screen_id = s.id"
            + " join schedule_version v on v.version = ss.version"
            + " where ($2 or ((cardinality($3::text[]) = 0 or s.station_code = any($3))"
            + " and (cardinality($4::text[]) = 0 or st.province = any($4))"
            + " and (cardinality($5::text[]) = 0 or s.zone = any($5))"
            + " and (cardinality($6::text[]) = 0 or s.type = any($6))))"
            + " and v.effective_at < $8) r"
            + " cross join lateral unnest(r.plan_ids) with ordinality as h(plan_id, idx)"
            + " cross join lateral (select (r.first_day::timestamp + (h.idx - 1) * interval '1 hour')"
            + " at time zone r.zone_id as starts) hour"
            + " join hour_plan p on p.id = h.plan_id"
            + " cross join lateral jsonb_array_elements(p.body->'spots') spot"
            + " where r.from_at < r.to_at"
            + " and hour.starts < r.to_at and hour.starts + interval '1 hour' > r.from_at"
            + " and spot->>4 <> 'F'"
            + " and hour.starts + (spot->>0)::int * interval '1 second' < r.to_at"
            + " and hour.starts + ((spot->>0)::int + (spot->>1)::int) * interval '1 second' > r.from_at),"
            + " counted as (insert into takeover_lost_play (takeover_id, campaign_id, plays, seconds)"
            + " select $1, campaign, count(*), sum(seconds) from lost group by campaign)"
            + " insert into campaign_delivery (campaign_id, station_code, day, lost_plays)"
            + " select campaign, station_code, (spot_start at time zone zone_id)::date, count(*) from lost"
            + " group by 1, 2, 3 order by 1, 2, 3"
            + " on conflict (campaign_id, station_code, day) do update"
            + " set lost_plays = campaign_delivery.lost_plays + excluded.lost_plays";

    private final DatabaseClient db;

    LostPlayRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Counts the plays {@code takeover} displaced, once: false when they were counted already (by another instance).
     * Call it in a transaction.
     */
    Mono<Boolean> count(Takeover takeover, Instant end, Instant now) {
        TakeoverTarget target = takeover.target();
        Mono<Long> mark = db.sql("update takeover set lost_counted_at = $2 where id = $1 and lost_counted_at is null")
                .bind(0, takeover.id())
                .bind(1, now)
                .fetch()
                .rowsUpdated();
        return mark.flatMap(marked -> marked == 0 || !end.isAfter(takeover.startsAt())
                ? Mono.just(marked > 0)
                : db.sql(COUNT)
                        .bind(0, takeover.id())
                        .bind(1, target.network())
                        .bind(2, target.stations().toArray(String[]::new))
                        .bind(3, target.provinces().toArray(String[]::new))
                        .bind(4, target.zones().toArray(String[]::new))
                        .bind(5, target.screenTypes().toArray(String[]::new))
                        .bind(6, takeover.startsAt())
                        .bind(7, end)
                        .then()
                        .thenReturn(true));
    }

    /** Takeovers over before {@code now} whose lost plays are not counted yet. */
    Flux<UUID> uncounted(Instant now) {
        return db.sql("select id from takeover where lost_counted_at is null"
                        + " and coalesce(cancelled_at, ends_at, 'infinity'::timestamptz) <= $1")
                .bind(0, now)
                .map(row -> row.get("id", UUID.class))
                .all();
    }

    /** The plays lost to a takeover by campaign, once counted; empty before. */
    Flux<LostPlays> lost(UUID takeover) {
        return db.sql("select campaign_id, plays, seconds from takeover_lost_play where takeover_id = $1"
                        + " order by campaign_id")
                .bind(0, takeover)
                .map(row -> new LostPlays(
                        row.get("campaign_id", String.class),
                        ((Number) row.get("plays")).intValue(),
                        ((Number) row.get("seconds")).longValue()))
                .all();
    }

    Mono<Boolean> counted(UUID takeover) {
        return db.sql("select lost_counted_at is not null as counted from takeover where id = $1")
                .bind(0, takeover)
                .map(row -> Boolean.TRUE.equals(row.get("counted", Boolean.class)))
                .one();
    }

    /** Plays of one campaign a takeover displaced, and their seconds. */
    record LostPlays(String campaign, int plays, long seconds) {}
}
