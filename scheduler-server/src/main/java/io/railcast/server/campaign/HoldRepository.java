package io.railcast.server.campaign;

import io.r2dbc.spi.Readable;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code hold} table. A hold is in force while {@code expires_at} lies after the instant asked about; every read
 * but the expiry job's names that instant, so an expired hold is counted nowhere before the job deletes it.
 */
@Repository
class HoldRepository {

    private static final String COLUMNS =
            "id, campaign_id, kind, body::text as body, created_at, created_by, expires_at";

    private final DatabaseClient db;
    private final JsonMapper json;

    HoldRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    /** The number of the latest hold taken, 0 when none was: it grows with every hold. */
    Mono<Long> revision() {
        return db.sql("select coalesce(max(id), 0) as revision from hold")
                .map(row -> row.get("revision", Long.class))
                .one();
    }

    /** Every hold in force at {@code at}, by number. */
    Flux<StoredHold> inForce(Instant at) {
        return db.sql("select " + COLUMNS + " from hold where expires_at > $1 order by id")
                .bind(0, at)
                .map(this::hold)
                .all();
    }

    /** One page of the holds in force at {@code at}, by number; only {@code heldBy}'s when given. */
    Flux<StoredHold> find(Instant at, @Nullable String heldBy, PageRequest page) {
        KeysetSql sql = KeysetSql.ascending("id").where("expires_at > {}", at).where("created_by = {}", heldBy);
        DatabaseClient.GenericExecuteSpec select = db.sql("select " + COLUMNS + " from hold"
                + sql.page(page, page.after() == null ? null : Long.valueOf(page.after())));
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(this::hold).all();
    }

    /** The hold, if it is in force at {@code at}. */
    Mono<StoredHold> find(long id, Instant at) {
        return findInForce("id", id, at);
    }

    /** The hold for the campaign {@code campaignId}, if it is in force at {@code at}. */
    Mono<StoredHold> findForCampaign(String campaignId, Instant at) {
        return findInForce("campaign_id", campaignId, at);
    }

    /** The hold whose {@code column} (one of ours, never input) is {@code value}, if it is in force at {@code at}. */
    private Mono<StoredHold> findInForce(String column, Object value, Instant at) {
        return db.sql("select " + COLUMNS + " from hold where " + column + " = $1 and expires_at > $2")
                .bind(0, value)
                .bind(1, at)
                .map(this::hold)
                .one();
    }

    Mono<StoredHold> insert(CampaignPayload body, String user, Instant createdAt, Instant expiresAt) {
        return db.sql("insert into hold (campaign_id, kind, body, created_at, created_by, expires_at)"
                        + " values ($1, $2, $3::jsonb, $4, $5, $6) returning " + COLUMNS)
                .bind(0, body.id())
                .bind(1, body.kind())
                .bind(2, json.writeValueAsString(body))
                .bind(3, createdAt)
                .bind(4, user)
                .bind(5, expiresAt)
                .map(this::hold)
                .one();
    }

    /** Deletes the hold if it is still in force at {@code at}; answers whether it was. */
    Mono<Boolean> delete(long id, Instant at) {
        return db.sql("delete from hold where id = $1 and expires_at > $2")
                .bind(0, id)
                .bind(1, at)
                .fetch()
                .rowsUpdated()
                .map(rows -> rows > 0);
    }

    /** Deletes the holds expired at {@code at} and answers them. */
    Flux<StoredHold> deleteExpired(Instant at) {
        return db.sql("delete from hold where expires_at <= $1 returning " + COLUMNS)
                .bind(0, at)
                .map(this::hold)
                .all();
    }

    private StoredHold hold(Readable row) {
        return new StoredHold(
                row.get("id", Long.class),
                row.get("campaign_id", String.class),
                CampaignKind.valueOf(row.get("kind", String.class)),
                json.readValue(row.get("body", String.class), CampaignPayload.class),
                row.get("created_at", Instant.class),
                row.get("created_by", String.class),
                row.get("expires_at", Instant.class));
    }
}
