package io.railcast.server.planning;

import io.r2dbc.spi.Readable;
import io.railcast.server.system.KeysetSql;
import io.railcast.server.system.PageRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tables of published schedules ({@code schedule_version}, {@code hour_plan}, {@code screen_schedule}). A
 * version is written in one transaction, numbered under an advisory lock so that instances sharing the database
 * never publish the same number, and announced by {@code pg_notify} inside that transaction: PostgreSQL delivers a
 * notification only when, and as soon as, its transaction commits, so listeners never hear of a version they
 * cannot read, and a version is never committed unannounced.
 */
@Repository
class ScheduleStore {

    /**
     * Key of the transaction-scoped advisory lock that serialises publication across instances ("RAIL"); version
     * retention takes it too.
     */
    static final long PUBLISH_LOCK = 0x5241494CL;
    /**
     * Hour plans per insert. They travel as one text of newline-separated bodies (a canonical body has no line
     * break): bound as a text array, the driver took over a millisecond per plan to encode them.
     */
    private static final int PLANS_PER_STATEMENT = 2_000;

    private static final String VERSION_COLUMNS =
            "version, published_at, effective_at, urgent, first_day, days, reason";

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final PlannedDelivery delivery;

    ScheduleStore(DatabaseClient db, TransactionalOperator transaction, Clock clock, PlannedDelivery delivery) {
        this.db = db;
        this.transaction = transaction;
        this.clock = clock;
        this.delivery = delivery;
    }

    /**
     * How the publication of one version is described.
     *
     * @param effectiveAt when agents should switch to it; null for the instant it is published
     */
    record Meta(@Nullable Instant effectiveAt, boolean urgent, String reason) {}

    /** The highest version number, 0 when none is published. */
    Mono<Long> latestNumber() {
        return db.sql("select coalesce(max(version), 0) as latest from schedule_version")
                .map(row -> row.get("latest", Long.class))
                .one();
    }

    Mono<PublishedVersion> latest() {
        return db.sql("select " + VERSION_COLUMNS + " from schedule_version order by version desc limit 1")
                .map(ScheduleStore::version)
                .one();
    }

    Mono<PublishedVersion> find(long version) {
        return db.sql("select " + VERSION_COLUMNS + " from schedule_version where version = $1")
                .bind(0, version)
                .map(ScheduleStore::version)
                .one();
    }

    /**
     * One page of the versions, newest first (and one more, if there is one); with {@code screen}, those that hold a
     * schedule for that screen.
     */
    Flux<PublishedVersion> list(@Nullable String screen, PageRequest page) {
        KeysetSql sql = KeysetSql.descending("version")
                .where(
                        "exists (select 1 from screen_schedule s where s.version = schedule_version.version"
                                + " and s.screen_id = {})",
                        screen);
        String clause = sql.page(page, page.after() == null ? null : Long.valueOf(page.after()));
        DatabaseClient.GenericExecuteSpec select =
                db.sql("select " + VERSION_COLUMNS + " from schedule_version" + clause);
        List<Object> values = sql.values();
        for (int i = 0; i < values.size(); i++) {
            select = select.bind(i, values.get(i));
        }
        return select.map(ScheduleStore::version).all();
    }

    /** The screen rows of a version, by screen id, in {@link VersionContent.ScreenRow}'s text form. */
    Mono<Map<String, VersionContent.ScreenRow>> rows(long version) {
        return db.sql("select screen_id, array_to_string(plan_ids, ',', '') as plan_ids, fallback_plan_id"
                        + " from screen_schedule where version = $1")
                .bind(0, version)
                .map(row -> new VersionContent.ScreenRow(
                        row.get("screen_id", String.class),
                        row.get("plan_ids", String.class),
                        row.get("fallback_plan_id", String.class)))
                .all()
                .collectMap(VersionContent.ScreenRow::screenId);
    }

    /** The stored bodies of hour plans {@code ids}, each once, as id and text. */
    Flux<Map.Entry<String, String>> planBodies(Collection<String> ids) {
        return db.sql("select id, body::text as body from hour_plan where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> Map.entry(row.get("id", String.class), row.get("body", String.class)))
                .all();
    }

    /**
     * Publishes {@code content} as the version after {@code base}, in one transaction: whatever
     * {@code alsoStore} writes for the new number (the booking itself), the hour plans not stored yet, the version
     * row, one row per screen, the campaigns' planned delivery ({@link PlannedDelivery}), and the notification. Refused ({@link PlanningRefusal.PublishedElsewhere}) when
     * another instance published since {@code base}; then nothing is written.
     *
     * @param stored  hour plan ids known to be stored already, which are not even looked up
     * @param missing the plays the plan could not place, as {@link PlannedDelivery#missing} writes them
     */
    Mono<PublishedVersion> publish(
            long base,
            Meta meta,
            VersionContent content,
            Set<String> stored,
            String missing,
            LongFunction<Mono<Void>> alsoStore) {
        long version = base + 1;
        // written before the transaction: between the version row (published_at) and the commit, which is what
        // agents wait through, only the database's own work is left
        String screenRows = screenRows(content);
        Mono<PublishedVersion> steps = locked(base)
                .then(Mono.defer(() -> alsoStore.apply(version)))
                .then(Mono.defer(() -> insertMissingPlans(content.bodies(), stored)))
                .then(Mono.defer(() -> insertVersion(version, meta, content)))
                .then(Mono.defer(() -> insertScreens(version, content, screenRows)))
                .then(Mono.defer(() -> delivery.store(version, base, missing)))
                .then(Mono.defer(() -> db.sql("select pg_notify('" + PublishedVersion.CHANNEL + "', $1)")
                        .bind(0, Long.toString(version))
                        .map(row -> Boolean.TRUE)
                        .one()))
                .then(Mono.defer(() -> find(version)));
        return transaction.transactional(steps);
    }

    /**
     * Stores what {@code store} writes in one transaction under the publication lock, without publishing a version:
     * a change decided on version {@code base} that airs nowhere (a hold). Refused
     * ({@link PlanningRefusal.PublishedElsewhere}) when another instance published since {@code base}.
     */
    Mono<Void> storeUnpublished(long base, Mono<Void> store) {
        return transaction.transactional(locked(base).then(store));
    }

    /** Takes the publication lock (until the transaction ends) and checks that {@code base} is still the latest. */
    private Mono<Void> locked(long base) {
        return db.sql("select pg_advisory_xact_lock($1)")
                .bind(0, PUBLISH_LOCK)
                .map(row -> Boolean.TRUE)
                .one()
                .then(latestNumber())
                .flatMap(latest -> latest == base
                        ? Mono.<Void>empty()
                        : Mono.error(new PlanningRefusal.PublishedElsewhere(latest)));
    }

    private Mono<Void> insertMissingPlans(Map<String, PlanBodies.Body> bodies, Set<String> stored) {
        List<String> unknown =
                bodies.keySet().stream().filter(id -> !stored.contains(id)).toList();
        if (unknown.isEmpty()) {
            return Mono.empty();
        }
        return existingPlans(unknown).flatMap(existing -> {
            List<String> ids = new ArrayList<>();
            List<String> json = new ArrayList<>();
            for (String id : unknown) {
                if (!existing.contains(id)) {
                    ids.add(id);
                    json.add(bodies.get(id).json());
                }
            }
            if (ids.isEmpty()) {
                return Mono.empty();
            }
            return Flux.range(0, (ids.size() + PLANS_PER_STATEMENT - 1) / PLANS_PER_STATEMENT)
                    .concatMap(chunk -> {
                        int from = chunk * PLANS_PER_STATEMENT;
                        int to = Math.min(ids.size(), from + PLANS_PER_STATEMENT);
                        return db.sql("insert into hour_plan (id, body) select id, body::jsonb"
                                        + " from unnest(string_to_array($1, E'\\n'), string_to_array($2, E'\\n'))"
                                        + " as t(id, body) on conflict (id) do nothing")
                                .bind(0, String.join("\n", ids.subList(from, to)))
                                .bind(1, String.join("\n", json.subList(from, to)))
                                .fetch()
                                .rowsUpdated();
                    })
                    .then();
        });
    }

    private Mono<Set<String>> existingPlans(Collection<String> ids) {
        return db.sql("select id from hour_plan where id = any($1)")
                .bind(0, ids.toArray(String[]::new))
                .map(row -> row.get("id", String.class))
                .all()
                .collect(HashSet::new, Set::add);
    }

    private Mono<Void> insertVersion(long version, Meta meta, VersionContent content) {
        // published_at is the server's clock when the row is written, late in the transaction, not at its start;
        // the server's clock rather than the database's, so that "which version was in force at hour h" (the
        // delivery alerts) is asked of the same clock that decides the planning day and the current hour
        Instant publishedAt = clock.instant();
        Instant effectiveAt = meta.effectiveAt() == null ? publishedAt : meta.effectiveAt();
        return db.sql("insert into schedule_version (version, published_at, effective_at, urgent, first_day, days,"
                        + " reason) values ($1, $2, $3, $4, $5, $6, $7)")
                .bind(0, version)
                .bind(1, publishedAt)
                .bind(2, effectiveAt)
                .bind(3, meta.urgent())
                .bind(4, content.firstDay())
                .bind(5, content.days())
                .bind(6, meta.reason())
                .fetch()
                .rowsUpdated()
                .then();
    }

    /**
     * All screens in one statement. The rows travel as one text, a line per screen with tab-separated fields, and
     * are split by PostgreSQL: bound as text arrays, the driver took seconds to encode them.
     */
    private Mono<Void> insertScreens(long version, VersionContent content, String rows) {
        if (content.rows().isEmpty()) {
            return Mono.empty();
        }
        return db.sql("insert into screen_schedule (version, screen_id, first_day, plan_ids, fallback_plan_id)"
                        + " select $1, split_part(line, E'\\t', 1), $2,"
                        + " string_to_array(split_part(line, E'\\t', 2), ',', ''),"
                        + " nullif(split_part(line, E'\\t', 3), '')"
                        + " from unnest(string_to_array($3, E'\\n')) as t(line)")
                .bind(0, version)
                .bind(1, content.firstDay())
                .bind(2, rows)
                .fetch()
                .rowsUpdated()
                .then();
    }

    /** The screen rows as {@link #insertScreens} sends them: a line per screen, tab-separated fields. */
    private static String screenRows(VersionContent content) {
        if (content.rows().isEmpty()) {
            return "";
        }
        StringBuilder rows = new StringBuilder(content.rows().size() * (content.days() * 24 * 17 + 40));
        for (VersionContent.ScreenRow row : content.rows()) {
            rows.append(row.screenId())
                    .append('\t')
                    .append(row.planIds())
                    .append('\t')
                    .append(row.fallbackId() == null ? "" : row.fallbackId())
                    .append('\n');
        }
        rows.setLength(rows.length() - 1);
        return rows.toString();
    }

    private static PublishedVersion version(Readable row) {
        return new PublishedVersion(
                row.get("version", Long.class),
                row.get("published_at", Instant.class),
                row.get("effective_at", Instant.class),
                row.get("urgent", Boolean.class),
                row.get("first_day", LocalDate.class),
                row.get("days", Integer.class),
                row.get("reason", String.class));
    }
}
