package io.railcast.server.network;

import io.r2dbc.spi.Readable;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code screen} table. */
@Repository
class ScreenRepository {

    private static final String COLUMNS = "id, station_code, type, zone, loop_seconds, slot_seconds, created_at";

    private final DatabaseClient db;

    ScreenRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every screen, by station, then id. */
    Flux<StoredScreen> all() {
        return db.sql("select " + COLUMNS + " from screen order by station_code, id")
                .map(ScreenRepository::screen)
                .all();
    }

    /** One page of the screens matching every given criterion, by id (and one more, if there is one). */
    Flux<StoredScreen> find(ScreenFilter filter, PageRequest page) {
        KeysetSql sql = KeysetSql.ascending("id")
                .where("station_code = {}", filter.station())
                .where("type = {}", filter.type() == null ? null : filter.type().name())
                .where("zone = {}", filter.zone());
        DatabaseClient.GenericExecuteSpec select = db.sql("select " + COLUMNS + " from screen" + sql.page(page));
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(ScreenRepository::screen).all();
    }

    Mono<StoredScreen> findById(String id) {
        return db.sql("select " + COLUMNS + " from screen where id = $1")
                .bind(0, id)
                .map(ScreenRepository::screen)
                .one();
    }

    /** The ids of a station's screens, in order. */
    Flux<String> idsAt(String stationCode) {
        return db.sql("select id from screen where station_code = $1 order by id")
                .bind(0, stationCode)
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Those of {@code ids} that are stored. */
    Flux<String> existingIds(Collection<String> ids) {
        return db.sql("select id from screen where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> row.get("id", String.class))
                .all();
    }

    /** Those of {@code codes} that name a stored station. */
    Flux<String> knownStations(Collection<String> codes) {
        return db.sql("select code from station where code = any($1)")
                .bind(0, codes.toArray(String[]::new))
                .map(row -> row.get("code", String.class))
                .all();
    }

    /** Inserts all screens in one statement. */
    Mono<Long> insertAll(List<Screen> screens) {
        int n = screens.size();
        String[] ids = new String[n];
        String[] stations = new String[n];
        String[] types = new String[n];
        String[] zones = new String[n];
        Integer[] loops = new Integer[n];
        Integer[] slots = new Integer[n];
        for (int i = 0; i < n; i++) {
            Screen s = screens.get(i);
            ids[i] = s.id();
            stations[i] = s.station();
            types[i] = s.type().name();
            zones[i] = s.zone();
            loops[i] = s.loopPolicy().loopSeconds();
            slots[i] = s.loopPolicy().slotSeconds();
        }
        return db.sql("insert into screen (id, station_code, type, zone, loop_seconds, slot_seconds)"
                        + " select * from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[])")
                .bind(0, ids)
                .bind(1, stations)
                .bind(2, types)
                .bind(3, zones)
                .bind(4, loops)
                .bind(5, slots)
                .fetch()
                .rowsUpdated();
    }

    /** Writes the type, zone and loop policy of {@code screen}; answers how many rows changed (0 or 1). */
    Mono<Long> update(Screen screen) {
        return db.sql("update screen set type = $2, zone = $3, loop_seconds = $4, slot_seconds = $5,"
                        + " updated_at = clock_timestamp() where id = $1")
                .bind(0, screen.id())
                .bind(1, screen.type().name())
                .bind(2, screen.zone())
                .bind(3, screen.loopPolicy().loopSeconds())
                .bind(4, screen.loopPolicy().slotSeconds())
                .fetch()
                .rowsUpdated();
    }

    /** The screen, its row locked until the transaction ends. */
    Mono<StoredScreen> lock(String id) {
        return db.sql("select " + COLUMNS + " from screen where id = $1 for update")
                .bind(0, id)
                .map(ScreenRepository::screen)
                .one();
    }

    private static StoredScreen screen(Readable row) {
        Screen screen = new Screen(
                row.get("id", String.class),
                row.get("station_code", String.class),
                ScreenType.valueOf(row.get("type", String.class)),
                row.get("zone", String.class),
                new LoopPolicy(row.get("loop_seconds", Integer.class), row.get("slot_seconds", Integer.class)));
        return new StoredScreen(screen, row.get("created_at", Instant.class));
    }

    /**
     * How many stations, screens and out-of-service periods there are, when the last screen was added and when a
     * station or screen was last edited.
     */
    Mono<NetworkCatalog.Stamp> stamp() {
        return db.sql("select (select count(*) from station) as stations, (select count(*) from screen) as screens,"
                        + " (select coalesce(max(created_at), 'epoch'::timestamptz) from screen) as last_added,"
                        + " (select count(*) from out_of_service) as periods,"
                        + " greatest((select max(updated_at) from station), (select max(updated_at) from screen),"
                        + " 'epoch'::timestamptz) as last_edited")
                .map(row -> new NetworkCatalog.Stamp(
                        row.get("stations", Long.class),
                        row.get("screens", Long.class),
                        row.get("last_added", Instant.class),
                        row.get("periods", Long.class),
                        row.get("last_edited", Instant.class)))
                .one();
    }
}
