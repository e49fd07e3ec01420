package io.railcast.server.report;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads {@code campaign_delivery}, the figures planning, the agents' plays and takeovers store as they happen
 * (storage contract): nothing here is computed from what one instance remembers, so every instance answers alike.
 */
@Repository
class StoredDelivery {

    /**
     * $1 campaign. Owed plays are those the make-good feature counted last ({@code make_good_owed}, storage
     * contract), null for a day it has not counted (today, later days, or a past day before its next run). Rows with
     * nothing contracted, played, reported, lost or made good (a campaign moved away from a station) are left out.
     */
    private static final String ROWS = """
            select d.station_code, d.day, d.contracted_plays, d.scheduled_plays, d.scheduled_seconds,
                   d.played_plays, d.reported_plays, d.lost_plays, d.make_good_plays,
                   o.shortfall_plays, o.takeover_plays, o.not_played_plays
            from campaign_delivery d
            left join make_good_owed o
                on o.campaign_id = d.campaign_id and o.station_code = d.station_code and o.day = d.day
            where d.campaign_id = $1
              and (d.contracted_plays > 0 or d.played_plays > 0 or d.reported_plays > 0 or d.lost_plays > 0
                   or d.make_good_plays > 0)
            order by d.day, d.station_code
            """;

    /**
     * $1 the latest version: per campaign, the plays contracted and scheduled over the days it plans, as stored by
     * the versions that planned them.
     */
    private static final String HORIZON = """
            select d.campaign_id, sum(d.contracted_plays) as contracted, sum(d.scheduled_plays) as scheduled
            from campaign_delivery d, schedule_version v
            where v.version = $1 and d.day >= v.first_day and d.day < v.first_day + v.days
              and d.contracted_plays is not null
            group by 1
            """;

    private final DatabaseClient db;

    StoredDelivery(DatabaseClient db) {
        this.db = db;
    }

    /** The campaign's stored rows by day, then station. */
    Flux<DeliveryView.Row> rows(String campaign) {
        return db.sql(ROWS)
                .bind(0, campaign)
                .map(row -> new DeliveryView.Row(
                        row.get("station_code", String.class),
                        row.get("day", LocalDate.class),
                        row.get("contracted_plays", Long.class),
                        row.get("scheduled_plays", Long.class),
                        row.get("scheduled_seconds", Long.class),
                        longOf(row.get("played_plays", Long.class)),
                        longOf(row.get("reported_plays", Long.class)),
                        longOf(row.get("lost_plays", Long.class)),
                        longOf(row.get("make_good_plays", Long.class)),
                        owed(
                                row.get("shortfall_plays", Long.class),
                                row.get("takeover_plays", Long.class),
                                row.get("not_played_plays", Long.class))))
                .all();
    }

    /** Per campaign, contracted and scheduled plays over the days {@code version} plans. */
    Mono<Map<String, Planned>> horizon(long version) {
        return db.sql(HORIZON)
                .bind(0, version)
                .map(row -> new Planned(
                        row.get("campaign_id", String.class),
                        ((Number) row.get("contracted")).longValue(),
                        ((Number) row.get("scheduled")).longValue()))
                .all()
                .collectMap(Planned::campaign);
    }

    record Planned(String campaign, long contracted, long scheduled) {}

    private static DeliveryView.@Nullable Owed owed(
            @Nullable Long shortfall, @Nullable Long takeover, @Nullable Long notPlayed) {
        return shortfall == null || takeover == null || notPlayed == null
                ? null
                : new DeliveryView.Owed(shortfall + takeover + notPlayed, shortfall, takeover, notPlayed);
    }

    private static long longOf(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
