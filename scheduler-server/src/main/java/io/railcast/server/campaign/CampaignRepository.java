package io.railcast.server.campaign;

import io.r2dbc.spi.Readable;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** The {@code campaign} table; the campaign itself is the jsonb {@code body}. */
@Repository
class CampaignRepository {

    private static final String COLUMNS = "id, kind, status, version, body::text as body, published_version,"
            + " created_at, created_by, updated_at, updated_by";

    private final DatabaseClient db;
    private final JsonMapper json;

    CampaignRepository(DatabaseClient db, JsonMapper json) {
        this.db = db;
        this.json = json;
    }

    Mono<StoredCampaign> find(String id) {
        return db.sql("select " + COLUMNS + " from campaign where id = $1")
                .bind(0, id)
                .map(this::campaign)
                .one();
    }

    /** By id; either filter may be absent. */
    Flux<StoredCampaign> find(@Nullable CampaignKind kind, @Nullable CampaignStatus status) {
        List<String> conditions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (kind != null) {
            values.add(kind.name());
            conditions.add("kind = $" + values.size());
        }
        if (status != null) {
            values.add(status.name());
            conditions.add("status = $" + values.size());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        DatabaseClient.GenericExecuteSpec select =
                db.sql("select " + COLUMNS + " from campaign" + where + " order by id");
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(this::campaign).all();
    }

    /** One page of the campaigns matching every given criterion, by id (and one more, if there is one). */
    Flux<StoredCampaign> find(CampaignFilter filter, PageRequest page) {
        LocalDate flying = filter.flying();
        KeysetSql sql = KeysetSql.ascending("id")
                .where("kind = {}", filter.kind() == null ? null : filter.kind().name())
                .where(
                        "status = {}",
                        filter.status() == null ? null : filter.status().name())
                .where("body->>'owner' = {}", filter.owner())
                .where("body->'targeting'->'stations' @> jsonb_build_array({}::text)", filter.station())
                .where(
                        "(body->'flight'->>'start')::timestamp < {}::timestamp",
                        flying == null
                                ? null
                                : flying.plusDays(1).atStartOfDay().toString())
                .where(
                        "(body->'flight'->>'end')::timestamp > {}::timestamp",
                        flying == null ? null : flying.atStartOfDay().toString())
                .where(
                        "(id ilike {} or body->>'name' ilike {} or body->>'owner' ilike {})",
                        KeysetSql.containing(filter.text()));
        DatabaseClient.GenericExecuteSpec select = db.sql("select " + COLUMNS + " from campaign" + sql.page(page));
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(this::campaign).all();
    }

    /** Whether a campaign, or a hold for the campaign it will become, has {@code id}. */
    Mono<Boolean> exists(String id) {
        return db.sql("select exists (select 1 from campaign where id = $1)"
                        + " or exists (select 1 from hold where campaign_id = $1) as taken")
                .bind(0, id)
                .map(row -> row.get("taken", Boolean.class))
                .one();
    }

    /** The next generated id: C-000001, C-000002, … (skipping any taken by a client). */
    Mono<String> nextId() {
        return db.sql("select 'C-' || lpad(nextval('campaign_number_seq')::text, 6, '0') as id")
                .map(row -> row.get("id", String.class))
                .one()
                .flatMap(id -> exists(id).flatMap(taken -> taken ? nextId() : Mono.just(id)));
    }

    Mono<Void> insert(CampaignPayload body, CampaignStatus status, @Nullable Long publishedVersion, String user) {
        return insert(body, status, publishedVersion, user, null);
    }

    /** A new campaign; {@code bookedAt}, when given, is when it was booked (a hold confirmed: when it was held). */
    Mono<Void> insert(
            CampaignPayload body,
            CampaignStatus status,
            @Nullable Long publishedVersion,
            String user,
            @Nullable Instant bookedAt) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("insert into campaign (id, kind, status, version, body,"
                        + " published_version, created_by, updated_by, created_at)"
                        + " values ($1, $2, $3, 1, $4::jsonb, $5, $6, $6, coalesce($7, now()))")
                .bind(0, body.id())
                .bind(1, body.kind())
                .bind(2, status.name())
                .bind(3, json.writeValueAsString(body))
                .bind(5, user);
        insert = bookedAt == null ? insert.bindNull(6, Instant.class) : insert.bind(6, bookedAt);
        return bindVersion(insert, 4, publishedVersion).fetch().rowsUpdated().then();
    }

    /**
     * Replaces body and status if the campaign is still at {@code expectedVersion}; answers whether it was. A
     * {@code publishedVersion} of null keeps the stored one.
     */
    Mono<Boolean> update(
            String id,
            int expectedVersion,
            CampaignPayload body,
            CampaignStatus status,
            @Nullable Long publishedVersion,
            String user) {
        DatabaseClient.GenericExecuteSpec update = db.sql("update campaign set kind = $3, status = $4,"
                        + " body = $5::jsonb, version = version + 1, published_version = coalesce($6, published_version),"
                        + " updated_at = now(), updated_by = $7 where id = $1 and version = $2")
                .bind(0, id)
                .bind(1, expectedVersion)
                .bind(2, body.kind())
                .bind(3, status.name())
                .bind(4, json.writeValueAsString(body))
                .bind(6, user);
        return bindVersion(update, 5, publishedVersion).fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static DatabaseClient.GenericExecuteSpec bindVersion(
            DatabaseClient.GenericExecuteSpec spec, int index, @Nullable Long version) {
        return version == null ? spec.bindNull(index, Long.class) : spec.bind(index, version);
    }

    private StoredCampaign campaign(Readable row) {
        return new StoredCampaign(
                row.get("id", String.class),
                CampaignKind.valueOf(row.get("kind", String.class)),
                CampaignStatus.valueOf(row.get("status", String.class)),
                row.get("version", Integer.class),
                json.readValue(row.get("body", String.class), CampaignPayload.class),
                row.get("published_version", Long.class),
                row.get("created_at", Instant.class),
                row.get("created_by", String.class),
                row.get("updated_at", Instant.class),
                row.get("updated_by", String.class));
    }
}
