package io.railcast.server.agent.events;

import static io.railcast.server.planning.PublishedVersion.CHANNEL;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import io.railcast.server.agent.AgentProperties;
import io.railcast.server.agent.token.AgentTokens;
import io.railcast.server.system.Reconnect;
import io.railcast.server.takeover.TakeoverBoard;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Published versions, as they happen, for every SSE client of this instance. The planning feature announces a
 * version with {@code NOTIFY schedule_published, '<version>'} after its commit; each instance holds ONE connection
 * of its own that LISTENs (outside the pool), finds which screens the version changes, and multicasts it. Every
 * {@link AgentProperties.Events#poll()} the same connection also asks for the latest version, which catches a
 * notification missed while reconnecting and keeps the connection alive.
 *
 * <p>The same connection hears {@value TakeoverBoard#CHANNEL}, a takeover started or cancelled on any instance: the
 * {@link TakeoverBoard} is reread and tells {@link EventStreams} its news.
 *
 * <p>The same connection carries {@value AgentTokens#REVOKED_CHANNEL}: revocations on any instance, which
 * {@link AgentTokens} must forget at once; and since a notification sent while it was not listening is lost, every
 * instance forgets all the tokens it remembers whenever it starts listening.
 */
@Component
class SchedulePublications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulePublications.class);
    private static final String UNDEFINED_TABLE = "42P01";

    private final ConnectionFactory listenFactory;
    private final PublishedVersions versions;
    private final AgentTokens tokens;
    private final TakeoverBoard takeovers;
    private final Duration poll;
    private final Sinks.Many<VersionAnnouncement> sink =
            Sinks.many().multicast().directBestEffort();
    /** The last version announced; -1 before the first. */
    private final AtomicLong announced = new AtomicLong(-1);

    private volatile @Nullable Disposable listening;

    SchedulePublications(
            ConnectionFactory connectionFactory,
            PublishedVersions versions,
            AgentTokens tokens,
            TakeoverBoard takeovers,
            AgentProperties properties) {
        this.listenFactory = unpooled(connectionFactory);
        this.versions = versions;
        this.tokens = tokens;
        this.takeovers = takeovers;
        this.poll = properties.events().poll();
    }

    /** Publications from now on; a subscriber that cannot keep up must buffer or drop on its own side. */
    Flux<VersionAnnouncement> publications() {
        return sink.asFlux();
    }

    @Override
    public void start() {
        listening = Flux.defer(this::listen)
                .retryWhen(Reconnect.listening(CHANNEL, log))
                .concatMap(seen -> announce(seen).onErrorResume(e -> {
                    log.error("Could not announce version {}; the next poll tries again", seen.version(), e);
                    return Mono.empty();
                }))
                .subscribe(publication -> sink.tryEmitNext(publication));
    }

    @Override
    public void stop() {
        Disposable current = listening;
        if (current != null) {
            current.dispose();
        }
        listening = null;
    }

    @Override
    public boolean isRunning() {
        Disposable current = listening;
        return current != null && !current.isDisposed();
    }

    private Flux<Seen> listen() {
        return Flux.usingWhen(
                Mono.from(listenFactory.create()),
                connection -> {
                    if (!(connection instanceof PostgresqlConnection postgres)) {
                        return Flux.error(
                                new IllegalStateException("LISTEN needs r2dbc-postgresql, got " + connection));
                    }
                    // subscribe to notifications before LISTEN, so that none arriving in between is dropped
                    // the driver hands notifications to a best-effort sink, which drops one arriving while its
                    // subscriber
                    // has no demand (seen: a version announced only by the next poll, up to 30 s late): buffer them
                    // here
                    Flux<Seen> notified = postgres.getNotifications()
                            .onBackpressureBuffer()
                            .filter(notification -> {
                                if (TakeoverBoard.CHANNEL.equals(notification.getName())) {
                                    rereadTakeovers();
                                    return false;
                                }
                                if (!AgentTokens.REVOKED_CHANNEL.equals(notification.getName())) {
                                    return true;
                                }
                                String screenId = notification.getParameter();
                                tokens.revokedElsewhere(screenId == null ? AgentTokens.ALL_SCREENS : screenId);
                                return false;
                            })
                            .map(notification -> Seen.of(notification.getParameter(), System.nanoTime()));
                    Mono<Void> listen = Flux.from(postgres.createStatement("LISTEN " + CHANNEL + "; LISTEN "
                                            + AgentTokens.REVOKED_CHANNEL + "; LISTEN " + TakeoverBoard.CHANNEL)
                                    .execute())
                            .flatMap(Result::getRowsUpdated)
                            .then()
                            .doOnSuccess(done -> {
                                tokens.forgetAll();
                                rereadTakeovers(); // what changed while not listening
                                log.info(
                                        "Listening for {}, {} and {}",
                                        CHANNEL,
                                        AgentTokens.REVOKED_CHANNEL,
                                        TakeoverBoard.CHANNEL);
                            });
                    Flux<Seen> polled = Flux.interval(Duration.ZERO, poll)
                            .onBackpressureDrop()
                            .concatMap(tick -> latest(postgres), 1);
                    return Flux.merge(notified, listen.thenMany(polled))
                            .concatWith(Mono.error(() -> new IllegalStateException("the LISTEN connection closed")));
                },
                Connection::close);
    }

    /** A takeover started or cancelled on some instance: the board tells this instance's streams its news. */
    private void rereadTakeovers() {
        takeovers.reload().subscribe(null, e -> log.warn("Could not reread the takeovers: {}", e.toString()));
    }

    private Mono<Seen> latest(Connection connection) {
        return Flux.from(connection
                        .createStatement("select coalesce(max(version), 0) as version from " + "schedule_version")
                        .execute())
                .flatMap(result ->
                        result.map(row -> new Seen(((Number) row.get("version")).longValue(), System.nanoTime())))
                .next()
                .onErrorResume(
                        e -> e instanceof R2dbcException sql && UNDEFINED_TABLE.equals(sql.getSqlState()),
                        e -> Mono.empty()); // no version has ever been published here
    }

    /**
     * The publication of a version newer than the last announced, with the screens it changes since then. The
     * first version seen after start is announced too: agents that connected meanwhile check their ETag.
     */
    private Mono<VersionAnnouncement> announce(Seen seen) {
        if (seen.version() < 0) {
            return versions.latestVersion().flatMap(latest -> announce(new Seen(latest, seen.heardAt())));
        }
        long previous = announced.get();
        if (seen.version() <= previous || seen.version() == 0) {
            return Mono.empty();
        }
        long since = previous < 0 ? seen.version() - 1 : previous;
        Mono<Optional<Map<String, List<String>>>> changed = versions.changedScreens(seen.version(), since)
                .collectMap(PublishedVersions.ChangedScreen::screenId, PublishedVersions.ChangedScreen::plans)
                .<Optional<Map<String, List<String>>>>map(Optional::of)
                .onErrorResume(e -> {
                    log.warn(
                            "Could not tell which screens version {} changes; announcing it to all: {}",
                            seen.version(),
                            e.toString());
                    return Mono.just(Optional.empty());
                });
        return versions.publication(seen.version())
                .zipWith(changed, (publication, screens) -> publication.concerning(screens.orElse(null)))
                .doOnNext(publication -> {
                    announced.set(publication.version());
                    log.info(
                            "Version {} published; it changes {} screens (worked out in {} ms after it was heard)",
                            publication.version(),
                            publication.screens() == null
                                    ? "all"
                                    : publication.screens().size(),
                            (System.nanoTime() - seen.heardAt()) / 1_000_000);
                });
    }

    /** The driver's own factory: the LISTEN connection lives as long as the instance and must not hold a pool slot. */
    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }

    /**
     * A version seen in a notification or by polling; -1 when a notification did not say which.
     *
     * @param heardAt {@link System#nanoTime()} when it was heard, for the log
     */
    private record Seen(long version, long heardAt) {

        static Seen of(@Nullable String payload, long heardAt) {
            try {
                return new Seen(payload == null ? -1 : Long.parseLong(payload.strip()), heardAt);
            } catch (NumberFormatException e) {
                return new Seen(-1, heardAt);
            }
        }
    }
}
