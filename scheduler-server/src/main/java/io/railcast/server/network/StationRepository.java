package io.railcast.server.network;

import io.r2dbc.spi.Readable;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code station} table. */
@Repository
class StationRepository {

    private static final String COLUMNS = "code, name, province, bureau, tier, zone_id, opens, closes";

    private final DatabaseClient db;

    StationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every station, by code. */
    Flux<Station> all() {
        return db.sql("select " + COLUMNS + " from station order by code")
                .map(StationRepository::station)
                .all();
    }

    /** One page of the stations matching every given criterion, by code (and one more, if there is one). */
    Flux<Station> find(StationFilter filter, PageRequest page) {
        KeysetSql sql = KeysetSql.ascending("code")
                .where("province = {}", filter.province())
                .where("bureau = {}", filter.bureau())
                .where("tier = {}", filter.tier() == null ? null : filter.tier().name())
                .where("(code ilike {} or name ilike {})", KeysetSql.containing(filter.text()));
        DatabaseClient.GenericExecuteSpec select = db.sql("select " + COLUMNS + " from station" + sql.page(page));
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(StationRepository::station).all();
    }

    Mono<Station> findByCode(String code) {
        return db.sql("select " + COLUMNS + " from station where code = $1")
                .bind(0, code)
                .map(StationRepository::station)
                .one();
    }

    /** Those of {@code codes} that are stored. */
    Flux<String> existingCodes(Collection<String> codes) {
        return db.sql("select code from station where code = any($1)")
                .bind(0, codes.toArray(String[]::new))
                .map(row -> row.get("code", String.class))
                .all();
    }

    /** Those of {@code codes} that are stored, as they are. */
    Flux<Station> findByCodes(Collection<String> codes) {
        return db.sql("select " + COLUMNS + " from station where code = any($1)")
                .bind(0, codes.toArray(String[]::new))
                .map(StationRepository::station)
                .all();
    }

    /** Writes every field but the code of each of {@code stations}, which are stored, in one statement. */
    Mono<Long> updateAll(List<Station> stations) {
        if (stations.isEmpty()) {
            return Mono.just(0L);
        }
        DatabaseClient.GenericExecuteSpec update = db.sql("update station s set name = t.name, province = t.province,"
                + " bureau = t.bureau, tier = t.tier, zone_id = t.zone_id, opens = t.opens::time,"
                + " closes = t.closes::time, updated_at = clock_timestamp()"
                + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
                + " $8::text[]) as t(code, name, province, bureau, tier, zone_id, opens, closes)"
                + " where s.code = t.code");
        String[][] columns = columns(stations);
        for (int c = 0; c < columns.length; c++) {
            update = update.bind(c, columns[c]);
        }
        return update.fetch().rowsUpdated();
    }

    /** Inserts all stations in one statement, so that thousands cost one round trip. */
    Mono<Long> insertAll(List<Station> stations) {
        String[][] columns = columns(stations);
        DatabaseClient.GenericExecuteSpec insert = db.sql("insert into station (" + COLUMNS + ")"
                + " select code, name, province, bureau, tier, zone_id, opens::time, closes::time"
                + " from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],"
                + " $8::text[]) as t(code, name, province, bureau, tier, zone_id, opens, closes)");
        for (int c = 0; c < columns.length; c++) {
            insert = insert.bind(c, columns[c]);
        }
        return insert.fetch().rowsUpdated();
    }

    /** Writes every field of {@code station} but its code; answers how many rows changed (0 or 1). */
    Mono<Long> update(Station station) {
        return db.sql("update station set name = $2, province = $3, bureau = $4, tier = $5, zone_id = $6,"
                        + " opens = $7::time, closes = $8::time, updated_at = clock_timestamp() where code = $1")
                .bind(0, station.code())
                .bind(1, station.name())
                .bind(2, station.province())
                .bind(3, station.bureau())
                .bind(4, station.tier().name())
                .bind(5, station.zone().getId())
                .bind(6, station.operatingHours().start().toString())
                .bind(7, station.operatingHours().end().toString())
                .fetch()
                .rowsUpdated();
    }

    /** The station, its row locked until the transaction ends, so that two edits do not interleave. */
    Mono<Station> lock(String code) {
        return db.sql("select " + COLUMNS + " from station where code = $1 for update")
                .bind(0, code)
                .map(StationRepository::station)
                .one();
    }

    /** The stations' fields in the order of {@link #COLUMNS}, one array per column, as text. */
    private static String[][] columns(List<Station> stations) {
        int n = stations.size();
        String[][] columns = new String[8][n];
        for (int i = 0; i < n; i++) {
            Station s = stations.get(i);
            columns[0][i] = s.code();
            columns[1][i] = s.name();
            columns[2][i] = s.province();
            columns[3][i] = s.bureau();
            columns[4][i] = s.tier().name();
            columns[5][i] = s.zone().getId();
            columns[6][i] = s.operatingHours().start().toString();
            columns[7][i] = s.operatingHours().end().toString();
        }
        return columns;
    }

    private static Station station(Readable row) {
        return new Station(
                row.get("code", String.class),
                row.get("name", String.class),
                row.get("province", String.class),
                row.get("bureau", String.class),
                Tier.valueOf(row.get("tier", String.class)),
                ZoneId.of(row.get("zone_id", String.class)),
                new DailyHours(row.get("opens", LocalTime.class), row.get("closes", LocalTime.class)));
    }

    /** Whether no station is stored yet. */
    Mono<Boolean> none() {
        return db.sql("select not exists (select 1 from station) as empty")
                .map(row -> row.get("empty", Boolean.class))
                .one();
    }
}
