package io.railcast.server.makegood;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * A make-good run: counts the plays each campaign is owed on past days, by cause ({@link OwedPlays}), from the
 * stored delivery figures into {@code make_good_owed}, in one transaction under a lock shared by every instance.
 * The count depends on the stored figures and the instant alone, so any instance stores the same rows.
 */
@Service
class MakeGoods {

    private final OwedPlayRepository owed;
    private final TransactionalOperator transaction;
    private final MakeGoodProperties properties;
    private final Clock clock;

    MakeGoods(OwedPlayRepository owed, TransactionalOperator transaction, MakeGoodProperties properties, Clock clock) {
        this.owed = owed;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<MakeGoodRun> run() {
        return Mono.defer(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Mono<MakeGoodRun> counted = owed.lock()
                    .thenMany(owed.delivered(now, properties.lookbackDays()))
                    .collectList()
                    .flatMap(rows -> owed.store(lines(rows), now)
                            .zipWith(
                                    owed.totals(),
                                    (changed, totals) ->
                                            new MakeGoodRun(now, rows.size(), changed, totals, MakeGoodRun.NOTE)));
            return transaction.transactional(counted);
        });
    }

    private static String lines(List<OwedPlayRepository.Delivered> rows) {
        return rows.stream().map(OwedPlayRepository.Delivered::line).collect(Collectors.joining("\n"));
    }
}
