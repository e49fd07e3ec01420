package io.railcast.server.takeover;

import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every {@link TakeoverProperties#poll()}, on every instance: rereads the {@link TakeoverBoard} (catching a lost
 * notification) and counts the lost plays of takeovers that ended by themselves. Counting is marked in the row it
 * counts, in the same transaction, so however many instances try, it happens once.
 */
@Component
class TakeoverWatch implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TakeoverWatch.class);

    private final TakeoverBoard board;
    private final TakeoverRepository takeovers;
    private final LostPlayRepository lost;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final Duration poll;
    private volatile @Nullable Disposable watching;

    TakeoverWatch(
            TakeoverBoard board,
            TakeoverRepository takeovers,
            LostPlayRepository lost,
            TransactionalOperator transaction,
            Clock clock,
            TakeoverProperties properties) {
        this.board = board;
        this.takeovers = takeovers;
        this.lost = lost;
        this.transaction = transaction;
        this.clock = clock;
        this.poll = properties.poll();
    }

    @Override
    public void start() {
        watching = Flux.interval(Duration.ZERO, poll)
                .onBackpressureDrop()
                .concatMap(tick -> board.reload().then(countEnded()).onErrorResume(e -> {
                    log.warn("Could not reread the takeovers; trying again in {}: {}", poll, e.toString());
                    return Mono.empty();
                }))
                .subscribe();
    }

    private Mono<Void> countEnded() {
        return lost.uncounted(clock.instant())
                .concatMap(id -> takeovers
                        .find(id)
                        .flatMap(takeover -> lost.count(takeover, takeover.end(), clock.instant()))
                        .as(transaction::transactional))
                .then();
    }

    @Override
    public void stop() {
        Disposable current = watching;
        if (current != null) {
            current.dispose();
        }
        watching = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = watching;
        return current != null && !current.isDisposed();
    }
}
