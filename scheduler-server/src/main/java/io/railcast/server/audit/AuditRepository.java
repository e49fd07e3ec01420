package io.railcast.server.audit;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code audit_log} table: appended to, never changed (its triggers refuse updates and deletes). */
@Repository
class AuditRepository {

    private final DatabaseClient db;
    private final JsonMapper json;

    AuditRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /**
     * Appends one record per change, in order, in one statement; in the caller's transaction when there is one
     * (the connection is the transaction's).
     */
    Mono<Void> append(Instant at, AuditSource source, List<AuditedChange> changes) {
        return db.sql("insert into audit_log (recorded_at, username, address, kind, object_type, object_id, before,"
                        + " after) select $1, $2, $3, change->>'kind', change->>'objectType', change->>'objectId',"
                        + " nullif(change->'before', 'null'::jsonb), nullif(change->'after', 'null'::jsonb)"
                        + " from jsonb_array_elements($4::jsonb) with ordinality as c(change, n) order by n")
                .bind(0, at)
                .bind(1, source.user())
                .bind(2, source.address())
                .bind(3, json.writeValueAsString(changes))
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** The records {@code query} asks for, newest first, and one more if there is one (so a next page exists). */
    Flux<AuditRecord> find(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        condition("object_type = $", query.objectType(), conditions, values);
        condition("object_id = $", query.objectId(), conditions, values);
        condition("username = $", query.user(), conditions, values);
        condition("recorded_at >= $", query.from(), conditions, values);
        condition("recorded_at < $", query.to(), conditions, values);
        condition("id < $", query.after(), conditions, values);
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        DatabaseClient.GenericExecuteSpec select = db.sql("select id, recorded_at, username, address, kind,"
                + " object_type, object_id, before::text as before, after::text as after from audit_log" + where
                + " order by id desc limit " + (query.limit() + 1));
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(this::record).all();
    }

    private static void condition(String sql, Object value, List<String> conditions, List<Object> values) {
        if (value != null) {
            values.add(value);
            conditions.add(sql + values.size());
        }
    }

    private AuditRecord record(Readable row) {
        return new AuditRecord(
                row.get("id", Long.class),
                row.get("recorded_at", Instant.class),
                row.get("username", String.class),
                row.get("address", String.class),
                row.get("kind", String.class),
                row.get("object_type", String.class),
                row.get("object_id", String.class),
                json.readTree(text(row, "before")),
                json.readTree(text(row, "after")));
    }

    private static String text(Readable row, String column) {
        String text = row.get(column, String.class);
        return text == null ? "null" : text;
    }
}
