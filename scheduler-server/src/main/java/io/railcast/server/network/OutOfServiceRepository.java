package io.railcast.server.network;

import io.railcast.model.network.OutOfService;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code out_of_service} table: when a screen, or every screen of a station, is off air. */
@Repository
class OutOfServiceRepository {

    /** One row: a station's or a screen's period. */
    record Row(@Nullable String stationCode, @Nullable String screenId, OutOfService period) {}

    private final DatabaseClient db;

    OutOfServiceRepository(DatabaseClient db) {
        this.db = db;
    }

    Flux<Row> all() {
        return db.sql("select station_code, screen_id, starts_at, ends_at from out_of_service order by id")
                .map(row -> new Row(
                        row.get("station_code", String.class),
                        row.get("screen_id", String.class),
                        new OutOfService(row.get("starts_at", Instant.class), row.get("ends_at", Instant.class))))
                .all();
    }

    /**
     * The periods of station {@code code} and of its screens that have not ended at {@code now} (retirements never
     * end), by start; at most {@code limit}.
     */
    Flux<OutOfServicePeriod> current(String code, Instant now, int limit) {
        return db.sql("select o.screen_id, o.starts_at, o.ends_at, o.reason from out_of_service o"
                        + " left join screen s on s.id = o.screen_id"
                        + " where (o.station_code = $1 or s.station_code = $1) and (o.ends_at is null or o.ends_at > $2)"
                        + " order by o.starts_at, o.id limit $3")
                .bind(0, code)
                .bind(1, now)
                .bind(2, limit)
                .map(row -> OutOfServicePeriod.of(
                        row.get("screen_id", String.class),
                        row.get("starts_at", Instant.class),
                        row.get("ends_at", Instant.class),
                        row.get("reason", String.class)))
                .all();
    }

    Mono<Void> insert(Row row, String reason) {
        DatabaseClient.GenericExecuteSpec insert = db.sql(
                        "insert into out_of_service (station_code, screen_id, starts_at, ends_at, reason)"
                                + " values ($1, $2, $3, $4, $5)")
                .bind(2, row.period().from())
                .bind(4, reason);
        insert = row.stationCode() == null ? insert.bindNull(0, String.class) : insert.bind(0, row.stationCode());
        insert = row.screenId() == null ? insert.bindNull(1, String.class) : insert.bind(1, row.screenId());
        insert = row.period().until() == null
                ? insert.bindNull(3, Instant.class)
                : insert.bind(3, row.period().until());
        return insert.then();
    }
}
