package io.railcast.server.agent.schedule;

import io.r2dbc.spi.Readable;
import io.railcast.server.agent.Rows;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Published versions as the planning feature writes them ({@code schedule_version}, {@code screen_schedule}; see
 * "Storage contract" in docs/architecture.md), read through the contract's columns only, plus the zone of the
 * screen's station.
 */
@Repository
public class ScheduleRepository {

    private static final String ROW = "select ss.version, v.effective_at, v.urgent, ss.first_day, ss.plan_ids,"
            + " ss.fallback_plan_id, st.zone_id"
            + " from screen_schedule ss"
            + " join schedule_version v on v.version = ss.version"
            + " join screen s on s.id = ss.screen_id"
            + " join station st on st.code = s.station_code"
            + " where ss.screen_id = $1";

    private final DatabaseClient db;
    private final Clock clock;

    ScheduleRepository(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The screen's row of the latest version that has one. Nearly always that is the latest version, found by
     * primary keys; only a screen left out of it costs the search through its older rows.
     */
    public Mono<ScreenScheduleRow> latest(String screenId) {
        return db.sql(ROW + " and ss.version = coalesce("
                        + "(select l.version from screen_schedule l where l.screen_id = $1"
                        + " and l.version = (select max(version) from schedule_version)),"
                        + " (select max(o.version) from screen_schedule o where o.screen_id = $1))")
                .bind(0, screenId)
                .map(ScheduleRepository::row)
                .one();
    }

    /**
     * The screen's rows that are or will be in force: the latest whose version is effective now, and every later
     * one (an agent plays its previous version until the next one's {@code effective_at}). "Now" is the server's
     * clock, the one that stamped {@code effective_at}, not the database's.
     */
    Flux<ScreenScheduleRow> inForce(String screenId) {
        return db.sql(ROW + " and ss.version >= coalesce((select max(e.version) from screen_schedule e"
                        + " join schedule_version ev on ev.version = e.version"
                        + " where e.screen_id = $1 and ev.effective_at <= $2), 0)")
                .bind(0, screenId)
                .bind(1, clock.instant())
                .map(ScheduleRepository::row)
                .all();
    }

    /** The screen's rows of these versions (those that exist: a version may not schedule it, or not be published). */
    public Flux<ScreenScheduleRow> versions(String screenId, Collection<Long> versions) {
        return db.sql(ROW + " and ss.version = any($2)")
                .bind(0, screenId)
                .bind(1, versions.toArray(Long[]::new))
                .map(ScheduleRepository::row)
                .all();
    }

    private static ScreenScheduleRow row(Readable row) {
        String[] planIds = row.get("plan_ids", String[].class);
        return new ScreenScheduleRow(
                Rows.toLong(row.get("version")),
                row.get("effective_at", Instant.class),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                row.get("first_day", LocalDate.class),
                planIds == null ? List.of() : Arrays.asList(planIds),
                row.get("fallback_plan_id", String.class),
                ZoneId.of(row.get("zone_id", String.class)));
    }
}
