package io.railcast.server.takeover;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code takeover} and {@code takeover_lost_play}, and the network's and the published plan's tables read through
 * the storage contract's columns (docs/architecture.md): which screens a target covers, and which contracted spots
 * of the plan fall in a period.
 */
@Repository
class TakeoverRepository {

    static final String CHANNEL = "takeover_changed";

    private static final String COLUMNS = "t.id, t.created_at, t.created_by, t.reason, t.creative_id, t.notice,"
            + " t.starts_at, t.ends_at, t.network, t.stations, t.provinces, t.zones, t.screen_types, t.cancelled_at,"
            + " t.cancelled_by";

    /** The screens of a target, {@code $1..$5} being network, stations, provinces, zones and screen types. */
    private static final String SCREENS = "select s.id from screen s join station st on st.code = s.station_code"
            + " where $1 or ((cardinality($2::text[]) = 0 or s.station_code = any($2))"
            + " and (cardinality($3::text[]) = 0 or st.province = any($3))"
            + " and (cardinality($4::text[]) = 0 or s.zone = any($4))"
            + " and (cardinality($5::text[]) = 0 or s.type = any($5)))";

    private final DatabaseClient db;

    TakeoverRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Stores a new takeover and announces it to every instance at commit. */
    Mono<Void> insert(Takeover t) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(
                        "insert into takeover (id, created_at, created_by, reason, creative_id, notice, starts_at,"
                                + " ends_at, network, stations, provinces, zones, screen_types)"
                                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)")
                .bind(0, t.id())
                .bind(1, t.createdAt())
                .bind(2, t.createdBy())
                .bind(3, t.reason());
        spec = t.creativeId() == null ? spec.bindNull(4, String.class) : spec.bind(4, t.creativeId());
        spec = t.notice() == null ? spec.bindNull(5, String.class) : spec.bind(5, t.notice());
        spec = t.endsAt() == null ? spec.bindNull(7, Instant.class) : spec.bind(7, t.endsAt());
        return spec.bind(6, t.startsAt())
                .bind(8, t.target().network())
                .bind(9, array(t.target().stations()))
                .bind(10, array(t.target().provinces()))
                .bind(11, array(t.target().zones()))
                .bind(12, array(t.target().screenTypes()))
                .then()
                .then(notifyChange(t.id()));
    }

    Mono<Void> notifyChange(UUID id) {
        return db.sql("select pg_notify($1, $2)")
                .bind(0, CHANNEL)
                .bind(1, id.toString())
                .then();
    }

    /** Cancels a takeover not yet over; empty when there is none such. */
    Mono<Takeover> cancel(UUID id, Instant at, String by) {
        return db.sql("update takeover t set cancelled_at = $2, cancelled_by = $3 where id = $1"
                        + " and cancelled_at is null and coalesce(ends_at, 'infinity'::timestamptz) > $2"
                        + " returning " + COLUMNS)
                .bind(0, id)
                .bind(1, at)
                .bind(2, by)
                .map(TakeoverRepository::takeover)
                .one();
    }

    Mono<Takeover> find(UUID id) {
        return db.sql("select " + COLUMNS + " from takeover t where id = $1")
                .bind(0, id)
                .map(TakeoverRepository::takeover)
                .one();
    }

    /** Those not over at {@code since} and the latest others, newest first, at most {@code limit}. */
    Flux<Takeover> recent(Instant since, int limit) {
        return db.sql("select " + COLUMNS + " from takeover t"
                        + " order by coalesce(t.cancelled_at, t.ends_at, 'infinity'::timestamptz) > $1 desc,"
                        + " t.created_at desc limit $2")
                .bind(0, since)
                .bind(1, limit)
                .map(TakeoverRepository::takeover)
                .all();
    }

    /** Takeovers not over at {@code t} or over since {@code t}, with the creative each shows. */
    Flux<Shown> live(Instant t) {
        return db.sql("select " + COLUMNS + ", c.sha256, c.size_bytes, c.duration_seconds from takeover t"
                        + " left join creative c on c.id = t.creative_id"
                        + " where coalesce(t.cancelled_at, t.ends_at, 'infinity'::timestamptz) > $1")
                .bind(0, t)
                .map(row -> new Shown(takeover(row), creative(row)))
                .all();
    }

    Flux<String> screens(TakeoverTarget target) {
        return db.sql(SCREENS)
                .bind(0, target.network())
                .bind(1, array(target.stations()))
                .bind(2, array(target.provinces()))
                .bind(3, array(target.zones()))
                .bind(4, array(target.screenTypes()))
                .map(row -> row.get("id", String.class))
                .all();
    }

    Flux<String> knownStations(List<String> codes) {
        return db.sql("select code from station where code = any($1)")
                .bind(0, array(codes))
                .map(row -> row.get("code", String.class))
                .all();
    }

    Mono<Boolean> creativeExists(String id) {
        return db.sql("select count(*) as n from creative where id = $1")
                .bind(0, id)
                .map(row -> ((Number) row.get("n")).longValue() > 0)
                .one();
    }

    /** A takeover with the creative it shows, if it shows one. */
    record Shown(Takeover takeover, LiveTakeover.@Nullable CreativeFile creative) {}

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    static Takeover takeover(Readable row) {
        return new Takeover(
                row.get("id", UUID.class),
                row.get("created_at", Instant.class),
                row.get("created_by", String.class),
                row.get("reason", String.class),
                row.get("creative_id", String.class),
                row.get("notice", String.class),
                row.get("starts_at", Instant.class),
                row.get("ends_at", Instant.class),
                new TakeoverTarget(
                        Boolean.TRUE.equals(row.get("network", Boolean.class)),
                        list(row.get("stations", String[].class)),
                        list(row.get("provinces", String[].class)),
                        list(row.get("zones", String[].class)),
                        list(row.get("screen_types", String[].class))),
                row.get("cancelled_at", Instant.class),
                row.get("cancelled_by", String.class));
    }

    private static LiveTakeover.@Nullable CreativeFile creative(Readable row) {
        String id = row.get("creative_id", String.class);
        Object sha256 = row.get("sha256");
        if (id == null || sha256 == null) {
            return null;
        }
        return new LiveTakeover.CreativeFile(
                id,
                hex(sha256),
                ((Number) row.get("size_bytes")).longValue(),
                ((Number) row.get("duration_seconds")).intValue());
    }

    /** The digest as lower-case hex, whether the column holds hex text or the raw bytes. */
    private static String hex(Object sha256) {
        if (sha256 instanceof ByteBuffer bytes) {
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            return HexFormat.of().formatHex(raw);
        }
        return sha256.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> list(String @Nullable [] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
