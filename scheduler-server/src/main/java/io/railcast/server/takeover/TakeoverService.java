package io.railcast.server.takeover;

import io.railcast.server.audit.AuditSource;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Starts and cancels takeovers: each change is stored, recorded in the history and announced to every instance
 * ({@code pg_notify}) in one transaction, and this instance's {@link TakeoverBoard} is reread before the answer, so
 * that the caller's next look at it, and every agent it serves, sees the change. A cancellation counts the plays the
 * takeover displaced right after its commit, before it answers; a takeover that ends by itself (or whose canceller
 * stopped before counting) has them counted by {@link TakeoverWatch}.
 */
@Service
class TakeoverService {

    static final int LIST_LIMIT = 100;

    private final TakeoverRepository takeovers;
    private final LostPlayRepository lost;
    private final TakeoverBoard board;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final Clock clock;

    TakeoverService(
            TakeoverRepository takeovers,
            LostPlayRepository lost,
            TakeoverBoard board,
            AuditTrail audit,
            TransactionalOperator transaction,
            Clock clock) {
        this.takeovers = takeovers;
        this.lost = lost;
        this.board = board;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    Mono<TakeoverView> start(TakeoverRequest.NewTakeover request) {
        return checkStored(request).then(audit.source()).flatMap(source -> {
            Instant now = clock.instant();
            Takeover takeover = new Takeover(
                    UUID.randomUUID(),
                    now,
                    source.user(),
                    request.reason(),
                    request.creative(),
                    request.notice(),
                    request.from(),
                    request.until(),
                    request.target(),
                    null,
                    null);
            TakeoverView view = TakeoverView.of(takeover, now, null);
            return takeovers
                    .insert(takeover)
                    .then(audit.record(source, new AuditedChange("start", "takeover", id(takeover), null, view)))
                    .as(transaction::transactional)
                    .then(board.reload())
                    .thenReturn(view);
        });
    }

    Mono<TakeoverView> cancel(UUID id) {
        return audit.source().flatMap(source -> {
            Instant now = clock.instant();
            return takeovers
                    .find(id)
                    .switchIfEmpty(Mono.error(() -> new TakeoverRefusal.NotFound(id)))
                    .flatMap(before -> takeovers
                            .cancel(id, now, source.user())
                            .switchIfEmpty(Mono.error(() -> new TakeoverRefusal.AlreadyOver(id)))
                            .flatMap(after -> cancelled(source, before, after, now)))
                    .as(transaction::transactional)
                    // counted after the commit, which is when every instance hears of the end and tells its
                    // agents: a cancellation on 5,600 screens does not wait for the count (if this instance stops
                    // first, TakeoverWatch counts it)
                    .flatMap(after -> lost.count(after, now, now)
                            .as(transaction::transactional)
                            .thenReturn(after))
                    .flatMap(after -> board.reload().then(view(after)));
        });
    }

    private Mono<Takeover> cancelled(AuditSource source, Takeover before, Takeover after, Instant now) {
        return takeovers
                .notifyChange(after.id())
                .then(audit.record(
                        source,
                        new AuditedChange(
                                "cancel",
                                "takeover",
                                id(after),
                                TakeoverView.of(before, now, null),
                                TakeoverView.of(after, now, null))))
                .thenReturn(after);
    }

    Mono<TakeoverView> find(UUID id) {
        return takeovers
                .find(id)
                .switchIfEmpty(Mono.error(() -> new TakeoverRefusal.NotFound(id)))
                .flatMap(this::view);
    }

    /** Those not over first, then the most recent others, at most {@value #LIST_LIMIT}. */
    Flux<TakeoverView> recent() {
        return takeovers.recent(clock.instant(), LIST_LIMIT).concatMap(this::view);
    }

    private Mono<TakeoverView> view(Takeover takeover) {
        return lost.counted(takeover.id())
                .flatMap(counted -> counted
                        ? lost.lost(takeover.id()).collectList().map(List::copyOf)
                        : Mono.<List<LostPlayRepository.LostPlays>>empty())
                .map(found -> TakeoverView.of(takeover, clock.instant(), found))
                .defaultIfEmpty(TakeoverView.of(takeover, clock.instant(), null));
    }

    /** The creative and stations named must be stored, and the target must cover at least one screen. */
    private Mono<Void> checkStored(TakeoverRequest.NewTakeover request) {
        Mono<Void> creative = request.creative() == null
                ? Mono.empty()
                : takeovers
                        .creativeExists(request.creative())
                        .flatMap(exists -> exists
                                ? Mono.empty()
                                : Mono.error(new TakeoverRefusal.Unknown(
                                        "creative", "no creative has id " + request.creative() + "; upload it first")));
        List<String> stations = request.target().stations();
        Mono<Void> known = stations.isEmpty()
                ? Mono.empty()
                : takeovers
                        .knownStations(stations)
                        .collect(HashSet<String>::new, Set::add)
                        .flatMap(found -> {
                            for (int i = 0; i < stations.size(); i++) {
                                if (!found.contains(stations.get(i))) {
                                    return Mono.error(new TakeoverRefusal.Unknown(
                                            "target.stations[" + i + "]", "no station has code " + stations.get(i)));
                                }
                            }
                            return Mono.empty();
                        });
        Mono<Void> covers = takeovers
                .screens(request.target())
                .hasElements()
                .flatMap(any -> any
                        ? Mono.empty()
                        : Mono.error(new TakeoverRefusal.Unknown("target", "the target covers no screen")));
        return creative.then(known).then(covers);
    }

    private static String id(Takeover takeover) {
        return takeover.id().toString();
    }
}
