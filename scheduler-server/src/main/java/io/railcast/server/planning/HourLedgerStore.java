package io.railcast.server.planning;

import io.railcast.model.planning.DecidedHours;
import io.railcast.model.planning.HourKey;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The table of decided hours ({@code hour_decision}, V20). Rows travel as one text of lines ({@code key-hex TAB
 * decision TAB day}), since a decision's text holds neither: bound as arrays, the driver encoded each element slowly
 * (as {@link ScheduleStore} found for plans). Writes need no lock: a key's decision is the same whoever writes it, and
 * the later use day wins.
 */
@Repository
class HourLedgerStore {

    /** Rows per statement. */
    static final int ROWS_PER_STATEMENT = 5_000;

    private static final HexFormat HEX = HexFormat.of();

    private final DatabaseClient db;

    HourLedgerStore(DatabaseClient db) {
        this.db = db;
    }

    /** The {@code limit} most recently used decisions, oldest use first (as {@link DecidedHours#load} wants them). */
    Flux<DecidedHours.Row> recent(int limit) {
        return db.sql("select decision_key, decision, last_used from (select * from hour_decision"
                        + " order by last_used desc limit $1) recent order by last_used")
                .bind(0, limit)
                .map(row -> new DecidedHours.Row(
                        HourKey.fromBytes(bytes(row.get("decision_key", java.nio.ByteBuffer.class))),
                        row.get("decision", String.class),
                        row.get("last_used", LocalDate.class)))
                .all();
    }

    /** Writes {@code rows} (new decisions, and uses), keeping the later use day of a key already stored. */
    Mono<Long> save(List<DecidedHours.Row> rows) {
        return Flux.range(0, (rows.size() + ROWS_PER_STATEMENT - 1) / ROWS_PER_STATEMENT)
                .concatMap(batch -> {
                    List<DecidedHours.Row> part = rows.subList(
                            batch * ROWS_PER_STATEMENT, Math.min(rows.size(), (batch + 1) * ROWS_PER_STATEMENT));
                    StringBuilder lines = new StringBuilder(part.size() * 48);
                    part.forEach(row -> lines.append(HEX.formatHex(row.key().toBytes()))
                            .append('\t')
                            .append(row.decision())
                            .append('\t')
                            .append(row.lastUsed())
                            .append('\n'));
                    lines.setLength(lines.length() - 1);
                    return db.sql("insert into hour_decision (decision_key, decision, last_used)"
                                    + " select decode(split_part(line, E'\\t', 1), 'hex'), split_part(line, E'\\t', 2),"
                                    + " split_part(line, E'\\t', 3)::date"
                                    + " from unnest(string_to_array($1, E'\\n')) line"
                                    + " on conflict (decision_key) do update"
                                    + " set last_used = greatest(hour_decision.last_used, excluded.last_used)")
                            .bind(0, lines.toString())
                            .fetch()
                            .rowsUpdated();
                })
                .reduce(0L, Long::sum);
    }

    /** Drops all but the {@code capacity} most recently used decisions; the number dropped. */
    Mono<Long> prune(int capacity) {
        return db.sql("delete from hour_decision where decision_key in (select decision_key from hour_decision"
                        + " order by last_used desc, decision_key offset $1)")
                .bind(0, capacity)
                .fetch()
                .rowsUpdated();
    }

    Mono<Long> count() {
        return db.sql("select count(*) as rows from hour_decision")
                .map(row -> row.get("rows", Long.class))
                .one();
    }

    private static byte[] bytes(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
