package io.railcast.server.takeover;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * This instance's view of the takeovers not yet over, with the screens each covers, and the news of each new or
 * cancelled one. It is reread whenever any instance announces a change ({@value #CHANNEL}, heard by the agent
 * feature's listening connection: {@link #reload()}) and every {@link TakeoverProperties#poll()}, which catches a
 * notification lost while reconnecting. Rows are only added and then ended, so a reread that raced a newer one
 * never undoes it: a takeover's end only ever moves earlier.
 *
 * <p>Thread-safe; reads are lock-free on a snapshot.
 */
@Component
public class TakeoverBoard {

    /** The channel of {@code pg_notify} announcing a new or cancelled takeover; the payload is its id. */
    public static final String CHANNEL = TakeoverRepository.CHANNEL;

    /** How long a takeover over is still reread: a cancellation is heard in this time or by the agents' refetch. */
    private static final Duration RECENTLY_OVER = Duration.ofMinutes(1);

    private final TakeoverRepository takeovers;
    private final Clock clock;
    private final Sinks.Many<LiveTakeover> news = Sinks.many().multicast().directBestEffort();
    private final Map<UUID, @Nullable Set<String>> screens = new ConcurrentHashMap<>();
    private volatile Map<UUID, LiveTakeover> live = Map.of();

    TakeoverBoard(TakeoverRepository takeovers, Clock clock) {
        this.takeovers = takeovers;
        this.clock = clock;
    }

    /** Each takeover new or cancelled from now on, with the screens it covers. */
    public Flux<LiveTakeover> news() {
        return news.asFlux();
    }

    /** The takeovers not over at {@code now} that cover the screen, in order of start, without their screens. */
    public List<LiveTakeover> concerning(String screenId, Instant now) {
        return live.values().stream()
                .filter(takeover -> takeover.concerns(screenId) && !takeover.overAt(now))
                .sorted(Comparator.comparing(LiveTakeover::from).thenComparing(LiveTakeover::id))
                .map(LiveTakeover::forScreen)
                .toList();
    }

    /** The creatives of the takeovers not over that cover the screen: media the screen may fetch. */
    public Set<String> creatives(String screenId) {
        Set<String> creatives = new TreeSet<>();
        for (LiveTakeover takeover : concerning(screenId, clock.instant())) {
            if (takeover.creative() != null) {
                creatives.add(takeover.creative().id());
            }
        }
        return creatives;
    }

    /** Rereads the takeovers and tells the news of those new or cancelled since the last reading. */
    public Mono<Void> reload() {
        Instant now = clock.instant();
        return takeovers
                .live(now.minus(RECENTLY_OVER))
                .concatMap(found -> screensOf(found.takeover())
                        .map(covered -> live(found.takeover(), found.creative(), covered.orElse(null))))
                .collectList()
                .doOnNext(this::apply)
                .then();
    }

    private Mono<java.util.Optional<Set<String>>> screensOf(Takeover takeover) {
        if (takeover.target().network()) {
            return Mono.just(java.util.Optional.empty());
        }
        Set<String> known = screens.get(takeover.id());
        if (known != null) {
            return Mono.just(java.util.Optional.of(known));
        }
        return takeovers
                .screens(takeover.target())
                .collect(HashSet<String>::new, Set::add)
                .map(found -> {
                    Set<String> covered = Set.copyOf(found);
                    screens.put(takeover.id(), covered);
                    return java.util.Optional.of(covered);
                });
    }

    private static LiveTakeover live(
            Takeover takeover, LiveTakeover.@Nullable CreativeFile creative, @Nullable Set<String> covered) {
        return new LiveTakeover(
                takeover.id(),
                takeover.startsAt(),
                takeover.end(),
                takeover.cancelledAt() != null && Objects.equals(takeover.end(), takeover.cancelledAt()),
                creative,
                takeover.notice(),
                covered);
    }

    private synchronized void apply(List<LiveTakeover> read) {
        Instant forgetBefore = clock.instant().minus(RECENTLY_OVER);
        Map<UUID, LiveTakeover> next = new HashMap<>();
        live.values().stream()
                .filter(held -> held.until() == null || held.until().isAfter(forgetBefore))
                .forEach(held -> next.put(held.id(), held));
        for (LiveTakeover found : read) {
            LiveTakeover held = next.get(found.id());
            if (held == null || endsEarlier(found, held)) {
                next.put(found.id(), found);
                news.tryEmitNext(found);
            }
        }
        screens.keySet().retainAll(next.keySet());
        live = Map.copyOf(next);
    }

    private static boolean endsEarlier(LiveTakeover found, LiveTakeover held) {
        return found.until() != null && (held.until() == null || found.until().isBefore(held.until()));
    }
}
