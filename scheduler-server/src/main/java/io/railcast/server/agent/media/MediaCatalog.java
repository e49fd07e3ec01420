package io.railcast.server.agent.media;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creatives as the campaign feature stores them ({@code creative}), through the contract's columns only. */
@Repository
public class MediaCatalog {

    private static final String COLUMNS = "id, duration_seconds, sha256, size_bytes, content_type, media_path";

    private final DatabaseClient db;

    MediaCatalog(DatabaseClient db) {
        this.db = db;
    }

    public Flux<CreativeRow> find(Collection<String> ids) {
        return db.sql("select " + COLUMNS + " from creative where id = any($1) order by id")
                .bind(0, ids.toArray(String[]::new))
                .map(MediaCatalog::creative)
                .all();
    }

    Mono<CreativeRow> find(String id) {
        return db.sql("select " + COLUMNS + " from creative where id = $1")
                .bind(0, id)
                .map(MediaCatalog::creative)
                .one();
    }

    private static CreativeRow creative(Readable row) {
        return new CreativeRow(
                row.get("id", String.class),
                ((Number) row.get("duration_seconds")).intValue(),
                hex(row.get("sha256")),
                ((Number) row.get("size_bytes")).longValue(),
                row.get("content_type", String.class),
                row.get("media_path", String.class));
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
}
