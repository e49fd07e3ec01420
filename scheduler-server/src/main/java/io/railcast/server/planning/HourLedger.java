package io.railcast.server.planning;

import io.railcast.model.planning.DecidedHours;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps the hours the whole-flight check decided ({@link DecidedHours}, the check planner's) in PostgreSQL, so that
 * every instance answers a problem any of them decided, and a restarted one does not solve again what it decided
 * before. At start it reads the most recently used decisions back ({@link #readInto}); from then on it writes what
 * the checks decided or used every {@link #WRITE_EVERY} (and on a graceful stop). Until the read is done a check
 * solves what it does not find, which gives the same answer, only later. The table is kept to the capacity by least
 * recent use: a decision never goes stale (its key is its problem's content), it only stops being useful, and the
 * problems a book still references are not known without resolving the whole horizon.
 */
@Component
class HourLedger implements DisposableBean {

    static final Duration WRITE_EVERY = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(HourLedger.class);

    private final DecidedHours decided;
    private final HourLedgerStore store;
    private final AtomicLong writtenSincePrune = new AtomicLong();
    private volatile Disposable writing = Flux.never().subscribe();
    // the last write asked for: the next one starts when it is done
    private Mono<Long> lastWrite = Mono.just(0L);

    HourLedger(PlanningConfiguration.Planners planners, HourLedgerStore store) {
        this.decided = planners.decided();
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildAtStart() {
        long started = System.nanoTime();
        readInto(decided)
                .doOnNext(read -> log.info(
                        "Ledger of decided hours rebuilt from PostgreSQL: {} decisions in {} ms",
                        read,
                        (System.nanoTime() - started) / 1_000_000))
                .then(store.prune(decided.capacity()))
                .onErrorResume(e -> {
                    log.warn("Ledger of decided hours not read back; checks solve what they need", e);
                    return Mono.empty();
                })
                .subscribe();
        writing = Flux.interval(WRITE_EVERY).concatMap(tick -> write()).subscribe();
    }

    /** Reads the most recently used decisions, up to {@code into}'s capacity, into {@code into}; how many. */
    Mono<Long> readInto(DecidedHours into) {
        return store.recent(into.capacity()).doOnNext(into::load).count();
    }

    /**
     * Writes what was decided or used since the last write; the rows written. Writes run one after another, so when
     * one completes every earlier one has. A failed write is logged and its rows are not written: they are decided
     * again when met, with the same result.
     */
    synchronized Mono<Long> write() {
        Mono<Long> next =
                lastWrite.onErrorReturn(0L).then(Mono.defer(this::writeUnsaved)).cache();
        lastWrite = next;
        return next;
    }

    private Mono<Long> writeUnsaved() {
        List<DecidedHours.Row> rows = decided.drainUnsaved();
        if (rows.isEmpty()) {
            return Mono.just(0L);
        }
        return store.save(rows)
                .flatMap(written -> pruneWhenDue(rows.size()).thenReturn(written))
                .onErrorResume(e -> {
                    log.warn("{} decided hours not written to the ledger", rows.size(), e);
                    return Mono.just(0L);
                });
    }

    /** Prunes once a tenth of the capacity was written since the last prune (a prune sorts the table). */
    private Mono<Long> pruneWhenDue(int written) {
        if (writtenSincePrune.addAndGet(written) < Math.max(1, decided.capacity() / 10)) {
            return Mono.just(0L);
        }
        writtenSincePrune.set(0);
        return store.prune(decided.capacity());
    }

    @Override
    public void destroy() {
        writing.dispose();
        write().block(Duration.ofSeconds(10));
    }
}
