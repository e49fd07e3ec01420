package io.railcast.server.makegood;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A make-good run: counts the plays each campaign is owed on past days, by cause ({@link OwedPlays}), from the
 * stored delivery figures into {@code make_good_owed}, in one transaction under a lock shared by every instance
 * (the count depends on the stored figures and the instant alone, so any instance stores the same rows); then
 * places what campaigns may have made good ({@link MakeGoodPlacer}), each placement published as a version.
 */
@Service
class MakeGoods {

    private final OwedPlayRepository owed;
    private final MakeGoodPlacer placer;
    private final TransactionalOperator transaction;
    private final MakeGoodProperties properties;
    private final Clock clock;

    MakeGoods(
            OwedPlayRepository owed,
            MakeGoodPlacer placer,
            TransactionalOperator transaction,
            MakeGoodProperties properties,
            Clock clock) {
        this.owed = owed;
        this.placer = placer;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<MakeGoodRun> run() {
        return Mono.defer(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Mono<long[]> counted = owed.lock()
                    .thenMany(owed.delivered(now, properties.lookbackDays()))
                    .collectList()
                    .flatMap(rows -> owed.store(lines(rows), now).map(changed -> new long[] {rows.size(), changed}));
            return transaction
                    .transactional(counted)
                    .flatMap(count -> Mono.fromCallable(placer::placeAll)
                            .subscribeOn(Schedulers.boundedElastic())
                            .zipWith(
                                    owed.totals(now),
                                    (placed, totals) -> new MakeGoodRun(
                                            now, count[0], count[1], placed, totals, MakeGoodRun.NOTE)));
        });
    }

    private static String lines(List<OwedPlayRepository.Delivered> rows) {
        return rows.stream().map(OwedPlayRepository.Delivered::line).collect(Collectors.joining("\n"));
    }
}
