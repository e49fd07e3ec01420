package io.railcast.server.creative;

import io.r2dbc.spi.Readable;
import io.railcast.model.network.ScreenType;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code creative} table. */
@Repository
class CreativeRepository {

    private static final String COLUMNS =
            "id, duration_seconds, screen_types, sha256, size_bytes, content_type, media_path, created_at";

    private final DatabaseClient db;

    CreativeRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<StoredCreative> find(String id) {
        return db.sql("select " + COLUMNS + " from creative where id = $1")
                .bind(0, id)
                .map(CreativeRepository::creative)
                .one();
    }

    Flux<StoredCreative> findAll(Collection<String> ids) {
        return db.sql("select " + COLUMNS + " from creative where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(CreativeRepository::creative)
                .all();
    }

    /** One page of the creatives, by id (and one more, if there is one); {@code screenType} narrows when given. */
    Flux<StoredCreative> list(@Nullable ScreenType screenType, PageRequest page) {
        KeysetSql sql = KeysetSql.ascending("id")
                .where("screen_types @> array[{}::text]", screenType == null ? null : screenType.name());
        DatabaseClient.GenericExecuteSpec select = db.sql("select " + COLUMNS + " from creative" + sql.page(page));
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(CreativeRepository::creative).all();
    }

    Mono<Boolean> exists(String id) {
        return db.sql("select exists (select 1 from creative where id = $1) as taken")
                .bind(0, id)
                .map(row -> row.get("taken", Boolean.class))
                .one();
    }

    /** Inserts the creative unless its id is taken; answers whether it did. */
    Mono<Boolean> insert(String id, int durationSeconds, Set<ScreenType> types, ReceivedMedia media, Path path) {
        return db.sql("insert into creative (id, duration_seconds, screen_types, sha256, size_bytes, content_type,"
                        + " media_path) values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing")
                .bind(0, id)
                .bind(1, durationSeconds)
                .bind(2, types.stream().map(Enum::name).sorted().toArray(String[]::new))
                .bind(3, media.sha256())
                .bind(4, media.sizeBytes())
                .bind(5, Objects.requireNonNullElse(media.signature(), media.contentType()))
                .bind(6, path.toString())
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    private static StoredCreative creative(Readable row) {
        Set<ScreenType> types = EnumSet.noneOf(ScreenType.class);
        for (String type : row.get("screen_types", String[].class)) {
            types.add(ScreenType.valueOf(type));
        }
        return new StoredCreative(
                row.get("id", String.class),
                row.get("duration_seconds", Integer.class),
                types,
                row.get("sha256", String.class),
                row.get("size_bytes", Long.class),
                row.get("content_type", String.class),
                Path.of(row.get("media_path", String.class)),
                row.get("created_at", Instant.class));
    }
}
