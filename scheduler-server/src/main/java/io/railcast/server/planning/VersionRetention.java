package io.railcast.server.planning;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Deletes published versions nobody needs any more, with their screen rows and the hour plans no remaining row
 * names. The one exception to "published schedules never change": the delete triggers of V8 refuse any delete in a
 * transaction that has not set {@code railcast.retention} to {@code on}, which only this class does.
 *
 * <p>Kept, always: the latest version; the {@code keepRecent} most recent; every version in force at some moment
 * within {@code inForceWindow} before now, and every later one (an agent that fetched one and went offline may still
 * be playing it, and the agent feature serves the one in force and those that will be); every version an agent last
 * reported playing ({@code screen_status.schedule_version}); and each screen's newest row. Nothing accepted is lost:
 * every booking lives in {@code campaign} and in the latest version; proof of play is not touched.
 *
 * <p>Runs in one transaction under the publication lock, so it never deletes a plan that a version being published
 * at the same moment on another instance names.
 */
@Repository
class VersionRetention {

    private static final String DOOMED = """
            select version from schedule_version
            where version not in (select version from schedule_version order by version desc limit $1)
              and version < coalesce((select max(version) from schedule_version
                                      where effective_at <= $2), 0)
              and version not in (select schedule_version from screen_status where schedule_version is not null)
              and version not in (select max(version) from screen_schedule group by screen_id)
            order by version
            """;

    private static final String UNUSED_PLANS = """
            with used as (select unnest(plan_ids) as id from screen_schedule
                          union select fallback_plan_id from screen_schedule)
            delete from hour_plan h where not exists (select 1 from used u where u.id = h.id)
            """;

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final Clock clock;

    VersionRetention(DatabaseClient db, TransactionalOperator transaction, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** What one run deleted. */
    record Retirement(List<Long> versions, long screenRows, long hourPlans) {}

    Mono<Retirement> retire(int keepRecent, Duration inForceWindow) {
        Mono<Retirement> steps = db.sql("select pg_advisory_xact_lock($1)")
                .bind(0, ScheduleStore.PUBLISH_LOCK)
                .map(row -> Boolean.TRUE)
                .one()
                // transaction-local: the delete triggers let this transaction, and no other, delete
                .then(db.sql("select set_config('railcast.retention', 'on', true) as retention")
                        .map(row -> Boolean.TRUE)
                        .one())
                .then(db.sql(DOOMED)
                        .bind(0, keepRecent)
                        // the server's clock stamped effective_at
                        .bind(1, clock.instant().minus(inForceWindow))
                        .map(row -> ((Number) row.get("version")).longValue())
                        .all()
                        .collectList())
                .flatMap(doomed -> doomed.isEmpty() ? Mono.just(new Retirement(List.of(), 0, 0)) : delete(doomed));
        return transaction.transactional(steps);
    }

    private Mono<Retirement> delete(List<Long> doomed) {
        Long[] versions = doomed.toArray(Long[]::new);
        return db.sql("delete from screen_schedule where version = any($1)")
                .bind(0, versions)
                .fetch()
                .rowsUpdated()
                .flatMap(rows -> db.sql("delete from schedule_version where version = any($1)")
                        .bind(0, versions)
                        .fetch()
                        .rowsUpdated()
                        .then(db.sql(UNUSED_PLANS).fetch().rowsUpdated())
                        .map(plans -> new Retirement(List.copyOf(doomed), rows, plans)));
    }
}
