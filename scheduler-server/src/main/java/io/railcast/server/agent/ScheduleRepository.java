package io.railcast.server.agent;

import io.r2dbc.spi.Readable;
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
class ScheduleRepository {

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
    Mono<ScreenScheduleRow> latest(String screenId) {
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
    Flux<ScreenScheduleRow> versions(String screenId, Collection<Long> versions) {
        return db.sql(ROW + " and ss.version = any($2)")
                .bind(0, screenId)
                .bind(1, versions.toArray(Long[]::new))
                .map(ScheduleRepository::row)
                .all();
    }

    /** The latest published version, 0 when there is none. */
    Mono<Long> latestVersion() {
        return db.sql("select coalesce(max(version), 0) as version from schedule_version")
                .map(row -> Rows.toLong(row.get("version")))
                .one();
    }

    /** What the events stream says of a version. */
    Mono<VersionAnnouncement> publication(long version) {
        return db.sql("select version, effective_at, urgent from schedule_version where version = $1")
                .bind(0, version)
                .map(row -> new VersionAnnouncement(Rows.toLong(row.get("version")),
                        row.get("effective_at", Instant.class), Boolean.TRUE.equals(row.get("urgent", Boolean.class)),
                        null))
                .one();
    }

    /**
     * The screens whose row in {@code version} differs from their row in {@code since} (or that had none): the
     * screens a version concerns. Rows are compared whole (first day, plans, fallback), which is cheap and never
     * misses a change.
     */
    Flux<String> changedScreens(long version, long since) {
        // Each screen's previous row is looked up by primary key (the lateral LIMIT keeps the planner from turning
        // it into a join). Right after a publication the statistics know nothing of the new version and estimate
        // one row for it; a plain left join was then planned as a nested loop that scanned all of the previous
        // version for every screen: 3.5 s instead of 0.14 s for 5,600 screens, all of it delaying the events.
        return db.sql("select ss.screen_id from screen_schedule ss"
                        + " left join lateral (select p.first_day, p.plan_ids, p.fallback_plan_id"
                        + " from screen_schedule p where p.version = $2 and p.screen_id = ss.screen_id limit 1) prev"
                        + " on true"
                        + " where ss.version = $1 and (prev.first_day is null"
                        + " or prev.first_day <> ss.first_day"
                        + " or prev.plan_ids <> ss.plan_ids"
                        + " or prev.fallback_plan_id is distinct from ss.fallback_plan_id)")
                .bind(0, version)
                .bind(1, since)
                .map(row -> row.get("screen_id", String.class))
                .all();
    }

    private static ScreenScheduleRow row(Readable row) {
        String[] planIds = row.get("plan_ids", String[].class);
        return new ScreenScheduleRow(Rows.toLong(row.get("version")), row.get("effective_at", Instant.class),
                Boolean.TRUE.equals(row.get("urgent", Boolean.class)), row.get("first_day", LocalDate.class),
                planIds == null ? List.of() : Arrays.asList(planIds), row.get("fallback_plan_id", String.class),
                ZoneId.of(row.get("zone_id", String.class)));
    }}
