package io.railcast.server.agent.status;

import io.r2dbc.spi.Readable;
import io.railcast.server.agent.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** Versions are stamped by the server's clock, so "effective by then" is an instant of it, bound as $1. */
    private static final String EXPECTED = "(select max(version) from schedule_version where effective_at <= $1)";

    private static final String UPSERT = """
            insert into screen_status (screen_id, agent_version, schedule_version, cached_files, cached_bytes,
                                       missing_media, clock_offset_millis, journal_backlog, sent_at, last_seen)
            select t.screen_id, t.agent_version, t.schedule_version, t.cached_files, t.cached_bytes, t.missing_media,
                   t.clock_offset_millis, t.journal_backlog, t.sent_at, now()
            from unnest($1::text[], $2::text[], $3::bigint[], $4::int[], $5::bigint[], $6::int[], $7::bigint[],
                        $8::int[], $9::timestamptz[])
                as t(screen_id, agent_version, schedule_version, cached_files, cached_bytes, missing_media,
                     clock_offset_millis, journal_backlog, sent_at)
            join screen s on s.id = t.screen_id
            order by t.screen_id
            on conflict (screen_id) do update set agent_version = excluded.agent_version,
                schedule_version = excluded.schedule_version, cached_files = excluded.cached_files,
                cached_bytes = excluded.cached_bytes, missing_media = excluded.missing_media,
                clock_offset_millis = excluded.clock_offset_millis, journal_backlog = excluded.journal_backlog,
                sent_at = excluded.sent_at, last_seen = excluded.last_seen
            returning screen_id
            """;

    private final DatabaseClient db;

    StatusRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Stores each screen's report in one statement, with the database's {@code now()} as {@code last_seen}; answers
     * the screens stored. A screen that is no longer in the network is left out rather than failing the others.
     * {@code latest}: one report per screen, in the order the rows are to be locked.
     */
    Mono<Set<String>> saveAll(Map<String, StatusReport> latest) {
        int n = latest.size();
        String[] screens = new String[n];
        String[] agentVersions = new String[n];
        Long[] scheduleVersions = new Long[n];
        Integer[] cachedFiles = new Integer[n];
        Long[] cachedBytes = new Long[n];
        Integer[] missingMedia = new Integer[n];
        Long[] clockOffsets = new Long[n];
        Integer[] journalBacklogs = new Integer[n];
        String[] sentAt = new String[n];
        int i = 0;
        for (Map.Entry<String, StatusReport> each : latest.entrySet()) {
            StatusReport report = each.getValue();
            screens[i] = each.getKey();
            agentVersions[i] = report.agentVersion();
            scheduleVersions[i] = report.scheduleVersion();
            cachedFiles[i] = report.cachedFiles();
            cachedBytes[i] = report.cachedBytes();
            missingMedia[i] = report.missingMedia();
            clockOffsets[i] = report.clockOffsetMillis();
            journalBacklogs[i] = report.journalBacklog();
            sentAt[i] = report.sentAt() == null ? null : report.sentAt().toString();
            i++;
        }
        return db.sql(UPSERT)
                .bind(0, screens)
                .bind(1, agentVersions)
                .bind(2, scheduleVersions)
                .bind(3, cachedFiles)
                .bind(4, cachedBytes)
                .bind(5, missingMedia)
                .bind(6, clockOffsets)
                .bind(7, journalBacklogs)
                .bind(8, sentAt)
                .map(row -> row.get("screen_id", String.class))
                .all()
                .collect(Collectors.toSet());
    }

    /** How many screens are stale and how many offline now. */
    Mono<QuietScreens> countQuiet() {
        return db.sql("select count(*) filter (where last_seen < now() - interval '" + STALE + "'"
                        + " and last_seen >= now() - interval '" + OFFLINE + "') as stale,"
                        + " count(*) filter (where last_seen < now() - interval '" + OFFLINE + "') as offline"
                        + " from screen_status")
                .map(row -> new QuietScreens(
                        ((Number) row.get("stale")).longValue(), ((Number) row.get("offline")).longValue()))
                .one();
    }

    /**
     * The database's time now (by which heartbeats age), and the latest version effective by {@code effectiveBy}
     * (or null).
     */
    Mono<Expected> expected(Instant effectiveBy) {
        return db.sql("select now() as checked_at, " + EXPECTED + " as version")
                .bind(0, effectiveBy)
                .map(row -> new Expected(row.get("checked_at", Instant.class), Rows.toLong(row.get("version"))))
                .one();
    }

    /**
     * Every screen (of one station when {@code station} is given) with its agent's last heartbeat, and the version
     * effective by {@code effectiveBy} it is expected to use.
     */
    Flux<ScreenHealth> health(@Nullable String station, Instant effectiveBy, Duration clockTolerance) {
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
                .bind(0, effectiveBy);
        select = bind(select, 1, station, String.class);
        return select.map(row -> health(row, clockTolerance)).all();
    }

    private static ScreenHealth health(Readable row, Duration clockTolerance) {
        ScreenHealth.State state = ScreenHealth.State.valueOf(row.get("state", String.class));
        Long reported = Rows.toLong(row.get("schedule_version"));
        Long expected = Rows.toLong(row.get("expected_version"));
        boolean old =
                state != ScreenHealth.State.NEVER_SEEN && expected != null && (reported == null || reported < expected);
        Long offset = Rows.toLong(row.get("clock_offset_millis"));
        boolean skewed = state != ScreenHealth.State.NEVER_SEEN
                && offset != null
                && Math.abs(offset) > clockTolerance.toMillis();
        return new ScreenHealth(
                row.get("id", String.class),
                row.get("station_code", String.class),
                state,
                row.get("last_seen", Instant.class),
                row.get("agent_version", String.class),
                reported,
                expected,
                old,
                skewed,
                row.get("missing_media", Integer.class),
                offset,
                row.get("journal_backlog", Integer.class),
                row.get("cached_files", Integer.class),
                Rows.toLong(row.get("cached_bytes")));
    }

    private static <T> GenericExecuteSpec bind(GenericExecuteSpec spec, int index, @Nullable T value, Class<T> type) {
        return value == null ? spec.bindNull(index, type) : spec.bind(index, value);
    }

    record QuietScreens(long stale, long offline) {}

    record Expected(Instant checkedAt, @Nullable Long version) {}
}
