package io.railcast.server.agent.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.railcast.server.agent.AgentMetrics;
import io.railcast.server.agent.AgentProperties;
import io.railcast.server.agent.schedule.ScheduleRepository;
import io.railcast.server.agent.schedule.TakeoverItem;
import io.railcast.server.agent.token.AgentTokens;
import io.railcast.server.takeover.TakeoverBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The {@code /agent/v1/events} stream of one screen: {@code schedule} when a version changing its plans is
 * published, {@code heartbeat} at connection and then every {@link AgentProperties.Events#heartbeat()}.
 *
 * <p>A {@code takeover} event carries a takeover covering the screen ({@link TakeoverItem}): each new or cancelled
 * one as {@link TakeoverBoard} hears of it, and those not over at every connection.
 *
 * <p>Thousands of streams are held at once without a thread each: all of them subscribe to the one multicast of
 * {@link SchedulePublications} and to one shared heartbeat ticker. Each stream keeps only the latest item it could
 * not send yet, so a client that stops reading holds up nobody else.
 *
 * <p>A stream ends when the token it was opened with is revoked, on whichever instance
 * ({@link AgentTokens#revoked(String, String)}): the agent's reconnection is then refused.
 *
 * <p>When the server stops, every stream ends first, so that agents reconnect to another instance at once and the
 * web server's graceful shutdown does not wait its whole timeout for streams that never end by themselves.
 */
@Component
class EventStreams implements SmartLifecycle {

    /** Takeover news a stream that stops reading may hold back; the oldest are dropped (its refetch tells all). */
    private static final int MAX_PENDING_TAKEOVERS = 16;

    private final SchedulePublications publications;
    private final ScheduleRepository schedules;
    private final AgentMetrics metrics;
    private final AgentTokens tokens;
    private final TakeoverBoard takeovers;
    private final Duration spread;
    private final Flux<Instant> ticks;
    private final Clock clock;
    private volatile Sinks.One<Boolean> stopping = Sinks.one();
    private volatile boolean running;

    EventStreams(
            SchedulePublications publications,
            ScheduleRepository schedules,
            AgentMetrics metrics,
            AgentTokens tokens,
            TakeoverBoard takeovers,
            AgentProperties properties,
            Clock clock) {
        this.publications = publications;
        this.tokens = tokens;
        this.takeovers = takeovers;
        this.schedules = schedules;
        this.metrics = metrics;
        this.spread = properties.events().spread();
        this.clock = clock;
        this.ticks = Flux.interval(properties.events().heartbeat())
                .onBackpressureDrop()
                .map(tick -> clock.instant())
                .share();
    }

    /** {@code tokenHash}: the hash of the token the stream was opened with; the stream ends when it is revoked. */
    Flux<ServerSentEvent<Object>> stream(String screenId, String tokenHash, @Nullable Long lastEventId) {
        // subscribed first, so that a version published while the catch-up below runs is not missed
        Flux<ServerSentEvent<Object>> published = publications
                .publications()
                .filter(publication -> publication.concerns(screenId))
                .onBackpressureLatest()
                .flatMap(publication -> {
                    Duration delay = delay(publication);
                    // an urgent version goes out on the thread that heard of it, not through a timer each
                    return delay.isZero()
                            ? Mono.just(publication)
                            : Mono.just(publication).delayElement(delay);
                })
                .map(publication -> schedule(publication, publication.plansOf(screenId)));
        // a takeover goes out at once, whatever its start: it carries what to show, so the agent needs no schedule
        Flux<ServerSentEvent<Object>> takingOver = takeovers
                .news()
                .filter(takeover -> takeover.concerns(screenId))
                .onBackpressureBuffer(MAX_PENDING_TAKEOVERS, BufferOverflowStrategy.DROP_OLDEST)
                .map(takeover -> takeover(TakeoverItem.of(takeover.forScreen())));
        Flux<ServerSentEvent<Object>> heartbeats = ticks.onBackpressureLatest().map(EventStreams::heartbeat);
        Mono<ServerSentEvent<Object>> catchUp = lastEventId == null
                ? Mono.empty()
                : schedules
                        .latest(screenId)
                        .filter(row -> row.version() > lastEventId)
                        .map(row -> schedule(
                                new VersionAnnouncement(row.version(), row.effectiveAt(), row.urgent(), null),
                                List.of()));
        // the takeovers covering the screen now, to an agent that may have been away when they were told
        Flux<ServerSentEvent<Object>> current =
                Flux.defer(() -> Flux.fromIterable(takeovers.concerning(screenId, clock.instant()))
                        .map(takeover -> takeover(TakeoverItem.of(takeover))));
        Flux<ServerSentEvent<Object>> opening =
                Flux.concat(Mono.fromSupplier(() -> heartbeat(clock.instant())), current, catchUp);
        return Flux.merge(published, takingOver, opening, heartbeats)
                .takeUntilOther(stopping.asMono())
                .takeUntilOther(tokens.revoked(screenId, tokenHash))
                .doOnSubscribe(subscription -> metrics.connected().incrementAndGet())
                .doFinally(signal -> metrics.connected().decrementAndGet());
    }

    @Override
    public void start() {
        stopping = Sinks.one();
        running = true;
    }

    /** Before the web server's graceful shutdown (a later phase), which would otherwise wait for the streams. */
    @Override
    public void stop() {
        running = false;
        stopping.tryEmitValue(true);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A version that is effective only later is announced at a random moment within the spread. */
    private Duration delay(VersionAnnouncement publication) {
        long spreadMillis = spread.toMillis();
        if (publication.urgent()
                || spreadMillis <= 0
                || publication.effectiveAt().isBefore(clock.instant().plus(spread.multipliedBy(2)))) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(spreadMillis));
    }

    private static ServerSentEvent<Object> schedule(VersionAnnouncement publication, List<String> plans) {
        return ServerSentEvent.<Object>builder(new ScheduleEvent(
                        publication.version(), publication.effectiveAt(), publication.urgent(), plans))
                .event("schedule")
                .id(Long.toString(publication.version()))
                .build();
    }

    /** No id: {@code Last-Event-ID} stays the version, and the takeovers are told again on every connection. */
    private static ServerSentEvent<Object> takeover(TakeoverItem takeover) {
        return ServerSentEvent.<Object>builder(takeover).event("takeover").build();
    }

    private static ServerSentEvent<Object> heartbeat(Instant serverTime) {
        return ServerSentEvent.<Object>builder(new Heartbeat(serverTime))
                .event("heartbeat")
                .build();
    }

    /** {@code plans}: those the screen's changed hours name, left out when none is listed. */
    record ScheduleEvent(
            long version,
            Instant effectiveAt,
            boolean urgent,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> plans) {}

    record Heartbeat(Instant serverTime) {}
}
