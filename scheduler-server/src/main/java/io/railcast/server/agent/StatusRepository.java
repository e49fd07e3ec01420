package io.railcast.server.agent;

import io.r2dbc.spi.Readable;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code screen_status} table. Ages are measured by the database's clock, which every instance shares: a
 * screen is stale after {@value #STALE} and offline after {@value #OFFLINE} without a heartbeat.
 */
@Repository
class StatusRepository {

    static final String STALE = "3 minutes";
    static final String OFFLINE = "15 minutes";

    private static final String EXPECTED = "(select max(version) from schedule_version"
            + " where effective_at <= now() - $1::bigint * interval '1 millisecond')";

    private final DatabaseClient db;

    StatusRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Void> save(String screenId, StatusReport report) {
        GenericExecuteSpec upsert = db.sql("insert into screen_status (screen_id, agent_version, schedule_version,"
                        + " cached_files, cached_bytes, missing_media, clock_offset_millis, journal_backlog, sent_at,"
                        + " last_seen) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())"
                        + " on conflict (screen_id) do update set agent_version = excluded.agent_version,"
                        + " schedule_version = excluded.schedule_version, cached_files = excluded.cached_files,"
                        + " cached_bytes = excluded.cached_bytes, missing_media = excluded.missing_media,"
                        + " clock_offset_millis = excluded.clock_offset_millis,"
                        + " journal_backlog = excluded.journal_backlog, sent_at = excluded.sent_at,"
                        + " last_seen = excluded.last_seen")
                .bind(0, screenId);
        upsert = bind(upsert, 1, report.agentVersion(), String.class);
        upsert = bind(upsert, 2, report.scheduleVersion(), Long.class);
        upsert = bind(upsert, 3, report.cachedFiles(), Integer.class);
        upsert = bind(upsert, 4, report.cachedBytes(), Long.class);
        upsert = bind(upsert, 5, report.missingMedia(), Integer.class);
        upsert = bind(upsert, 6, report.clockOffsetMillis(), Long.class);
        upsert = bind(upsert, 7, report.journalBacklog(), Integer.class);
        upsert = bind(upsert, 8, report.sentAt(), Instant.class);
        return upsert.then();
    }

    /** How many screens are stale and how many offline now. */
    Mono<QuietScreens> countQuiet() {
        return db.sql("select count(*) filter (where last_seen < now() - interval '" + STALE + "'"
                        + " and last_seen >= now() - interval '" + OFFLINE + "') as stale,"
                        + " count(*) filter (where last_seen < now() - interval '" + OFFLINE + "') as offline"
                        + " from screen_status")
                .map(row -> new QuietScreens(((Number) row.get("stale")).longValue(),
                        ((Number) row.get("offline")).longValue()))
                .one();
    }

    /** The database's time now, and the latest version effective at least {@code grace} ago (or null). */
    Mono<Expected> expected(Duration grace) {
        return db.sql("select now() as checked_at, " + EXPECTED + " as version")
                .bind(0, grace.toMillis())
                .map(row -> new Expected(row.get("checked_at", Instant.class),
                        Rows.toLong(row.get("version"))))
                .one();
    }

    /** Every screen (of one station when {@code station} is given) with its agent's last heartbeat. */
    Flux<ScreenHealth> health(@Nullable String station, Duration grace, Duration clockTolerance) {
        GenericExecuteSpec select = db.sql("select s.id, s.station_code, st.last_seen, st.agent_version,"
                        + " st.schedule_version, st.cached_files, st.cached_bytes, st.missing_media,"
                        + " st.clock_offset_millis, st.journal_backlog, ss.version as expected_version,"
                        + " case when st.last_seen is null then 'NEVER_SEEN'"
                        + " when st.last_seen >= now() - interval '" + STALE + "' then 'ONLINE'"
                        + " when st.last_seen >= now() - interval '" + OFFLINE + "' then 'STALE'"
                        + " else 'OFFLINE' end as state"
                        + " from screen s"
                        + " left join screen_status st on st.screen_id = s.id"
                        + " left join screen_schedule ss on ss.screen_id = s.id and ss.version = " + EXPECTED
                        + " where $2::text is null or s.station_code = $2"
                        + " order by s.station_code, s.id")
                .bind(0, grace.toMillis());
        select = bind(select, 1, station, String.class);
        return select.map(row -> health(row, clockTolerance)).all();
    }

    private static ScreenHealth health(Readable row, Duration clockTolerance) {
        ScreenHealth.State state = ScreenHealth.State.valueOf(row.get("state", String.class));
        Long reported = Rows.toLong(row.get("schedule_version"));
        Long expected = Rows.toLong(row.get("expected_version"));
        boolean old = state != ScreenHealth.State.NEVER_SEEN && expected != null
                && (reported == null || reported < expected);
        Long offset = Rows.toLong(row.get("clock_offset_millis"));
        boolean skewed = state != ScreenHealth.State.NEVER_SEEN && offset != null
                && Math.abs(offset) > clockTolerance.toMillis();
        return new ScreenHealth(row.get("id", String.class), row.get("station_code", String.class), state,
                row.get("last_seen", Instant.class), row.get("agent_version", String.class), reported, expected, old,
                skewed, row.get("missing_media", Integer.class), offset,
                row.get("journal_backlog", Integer.class), row.get("cached_files", Integer.class),
                Rows.toLong(row.get("cached_bytes")));
    }

    private static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, int index, @Nullable T value,
            Class<T> type) {
        return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
    }

    record QuietScreens(long stale, long offline) {
    }

    record Expected(Instant checkedAt, @Nullable Long version) {
    }
}
