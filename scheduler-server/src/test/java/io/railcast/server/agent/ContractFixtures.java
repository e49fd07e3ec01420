package io.railcast.server.agent;

import io.railcast.server.planning.PublishedVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test data through plain SQL: stations and screens (V1), and what the planning and campaign features will
 * publish (their tables come with their own migrations; until then this creates them exactly as the storage
 * contract in docs/architecture.md describes, and only with its columns).
 */
public final class ContractFixtures {

    private static final String CONTRACT_TABLES = """
            create table if not exists schedule_version (
                version      bigint primary key,
                published_at timestamptz not null,
                effective_at timestamptz not null,
                urgent       boolean not null,
                first_day    date not null,
                days         integer not null,
                reason       text
            );
            create table if not exists hour_plan (
                id   text primary key,
                body jsonb not null
            );
            create table if not exists screen_schedule (
                version          bigint not null,
                screen_id        text not null,
                first_day        date not null,
                plan_ids         text[] not null,
                fallback_plan_id text,
                primary key (version, screen_id)
            );
            create table if not exists creative (
                id               text primary key,
                duration_seconds integer not null,
                screen_types     text[] not null,
                sha256           text not null,
                size_bytes       bigint not null,
                content_type     text not null,
                media_path       text not null
            );
            """;

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate sql;
    private final Path mediaDir;

    ContractFixtures(JdbcTemplate sql, Path mediaDir) {
        this.sql = sql;
        this.mediaDir = mediaDir;
    }

    public void createContractTables() {
        sql.execute(CONTRACT_TABLES);
    }

    /** A station in Asia/Shanghai, open all day, with these screens. */
    public void screens(String station, String... screenIds) {
        sql.update(
                "insert into station (code, name, province, bureau, tier, zone_id, opens, closes)"
                        + " values (?, ?, '北京', '北京局', 'HUB', ?, '00:00', '00:00') on conflict do nothing",
                station,
                station + "站",
                SHANGHAI.getId());
        for (String id : screenIds) {
            sql.update(
                    "insert into screen (id, station_code, type, zone, loop_seconds, slot_seconds)"
                            + " values (?, ?, 'LCD_FRAME', 'waiting-hall', 300, 5) on conflict do nothing",
                    id,
                    station);
        }
    }

    /** A creative whose media file holds {@code content}. */
    public void creative(String id, int durationSeconds, byte[] content) {
        try {
            Files.write(mediaDir.resolve(id + ".mp4"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sql.update(
                "insert into creative (id, duration_seconds, screen_types, sha256, size_bytes, content_type,"
                        + " media_path) values (?, ?, '{LCD_FRAME}', ?, ?, 'video/mp4', ?) on conflict do nothing",
                id,
                durationSeconds,
                sha256(content),
                content.length,
                id + ".mp4");
    }

    /**
     * An hour plan of spots {@code "campaign:creative:seconds:kind"} played one after another from the start of
     * the hour; answers its id, the digest of its stored body as the contract says.
     */
    public String plan(String... spots) {
        StringJoiner body = new StringJoiner(",", "{\"onAir\":{\"from\":0,\"to\":3600},\"spots\":[", "]}");
        int offset = 0;
        for (String spot : spots) {
            String[] parts = spot.split(":");
            int duration = Integer.parseInt(parts[2]);
            body.add(
                    "[" + offset + "," + duration + ",\"" + parts[0] + "\",\"" + parts[1] + "\",\"" + parts[3] + "\"]");
            offset += duration;
        }
        String id = sha256(body.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        sql.update("insert into hour_plan (id, body) values (?, ?::jsonb) on conflict do nothing", id, body.toString());
        return id;
    }

    /** The same plan in every hour of {@code days} days. */
    public static List<String> everyHour(String plan, int days) {
        return new ArrayList<>(Collections.nCopies(days * 24, plan));
    }

    /** Today in the stations' zone. */
    public static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /**
     * Publishes the next version, in one transaction as the planning feature does, without announcing it;
     * answers its number.
     */
    public long publish(
            Instant effectiveAt, boolean urgent, LocalDate firstDay, int days, Map<String, ScreenPlans> screens) {
        return sql.execute((ConnectionCallback<Long>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var lock = connection.createStatement()) {
                lock.execute("lock table schedule_version in exclusive mode");
                long version;
                try (var next = connection.createStatement();
                        var row = next.executeQuery("select coalesce(max(version), 0) + 1 from schedule_version")) {
                    row.next();
                    version = row.getLong(1);
                }
                try (var insert = connection.prepareStatement("insert into schedule_version (version, published_at,"
                        + " effective_at, urgent, first_day, days, reason) values (?, now(), ?, ?, ?, ?, 'test')")) {
                    insert.setLong(1, version);
                    insert.setObject(2, effectiveAt.atOffset(ZoneOffset.UTC));
                    insert.setBoolean(3, urgent);
                    insert.setObject(4, firstDay);
                    insert.setInt(5, days);
                    insert.executeUpdate();
                }
                try (var insert = connection.prepareStatement("insert into screen_schedule (version, screen_id,"
                        + " first_day, plan_ids, fallback_plan_id) values (?, ?, ?, ?, ?)")) {
                    for (Map.Entry<String, ScreenPlans> screen : screens.entrySet()) {
                        insert.setLong(1, version);
                        insert.setString(2, screen.getKey());
                        insert.setObject(3, firstDay);
                        insert.setArray(
                                4, textArray(connection, screen.getValue().planIds()));
                        insert.setString(5, screen.getValue().fallback());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
                return version;
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /** An urgent version effective now, from yesterday for {@code days} days, for these screens. */
    public long publishNow(Map<String, ScreenPlans> screens) {
        return publish(Instant.now().truncatedTo(ChronoUnit.SECONDS), true, today().minusDays(1), 4, screens);
    }

    /** Announces a version as the planning feature does after its commit, through {@code through}'s connection. */
    public static void announce(JdbcTemplate through, long version) {
        through.queryForList("select pg_notify('" + PublishedVersion.CHANNEL + "', ?)", Long.toString(version));
    }

    /** Plans of a screen: a plan id per local hour from the first day (null: off air) and a fallback. */
    public record ScreenPlans(List<String> planIds, String fallback) {

        public static ScreenPlans constant(String plan, String fallback, int days) {
            return new ScreenPlans(everyHour(plan, days), fallback);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Array textArray(Connection connection, List<String> values) throws SQLException {
        return connection.createArrayOf("text", values.toArray(String[]::new));
    }
}
