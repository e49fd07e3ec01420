package io.railcast.server.user;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Wrapped;
import io.railcast.server.system.Reconnect;
import io.railcast.server.system.SignedInUsers;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Changes to users and lifted sign-in lockouts made through any instance, heard by this one: as the agent feature
 * hears revoked tokens, on ONE connection of its own (outside the pool) that LISTENs for
 * {@value UserRepository#CHANGED_CHANNEL} and {@value UserRepository#LOCKOUT_CLEARED_CHANNEL}. PostgreSQL delivers
 * a notice only when the change commits, so an instance never rechecks a user before the change is readable.
 *
 * <p>A notice sent while this instance was not listening is lost: whenever it starts listening it rechecks every
 * user it remembers ({@link SignedInUsers#recheckAll}). A lifted lockout missed that way ends by itself (15 min).
 */
@Component
class UserNotices implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UserNotices.class);
    /** A statement this often finds a connection that died without closing, and keeps it alive. */
    private static final Duration PROBE = Duration.ofSeconds(30);

    private final ConnectionFactory listenFactory;
    private final SignedInUsers signedIn;
    private final SignInLockouts lockouts;

    private volatile @Nullable Disposable listening;

    UserNotices(ConnectionFactory connectionFactory, SignedInUsers signedIn, SignInLockouts lockouts) {
        this.listenFactory = unpooled(connectionFactory);
        this.signedIn = signedIn;
        this.lockouts = lockouts;
    }

    @Override
    public void start() {
        listening = Flux.defer(this::listen)
                .retryWhen(Reconnect.listening(UserRepository.CHANGED_CHANNEL, log))
                .subscribe();
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

    private Flux<Void> listen() {
        return Flux.usingWhen(
                Mono.from(listenFactory.create()),
                connection -> {
                    if (!(connection instanceof PostgresqlConnection postgres)) {
                        return Flux.error(
                                new IllegalStateException("LISTEN needs r2dbc-postgresql, got " + connection));
                    }
                    // subscribed before LISTEN, so that none arriving in between is dropped; buffered, since the
                    // driver's best-effort sink drops a notice that arrives while its subscriber has no demand
                    Flux<Void> heard = postgres.getNotifications()
                            .onBackpressureBuffer()
                            .concatMap(notice -> hear(notice.getName(), notice.getParameter()));
                    Mono<Void> listen = Flux.from(postgres.createStatement("LISTEN " + UserRepository.CHANGED_CHANNEL
                                            + "; LISTEN " + UserRepository.LOCKOUT_CLEARED_CHANNEL)
                                    .execute())
                            .flatMap(Result::getRowsUpdated)
                            .then(Mono.defer(() -> {
                                log.info(
                                        "Listening for {} and {}",
                                        UserRepository.CHANGED_CHANNEL,
                                        UserRepository.LOCKOUT_CLEARED_CHANNEL);
                                return signedIn.recheckAll();
                            }));
                    Flux<Void> probed = Flux.interval(PROBE, PROBE)
                            .onBackpressureDrop()
                            .concatMap(
                                    tick -> Flux.from(postgres.createStatement("select 1")
                                                    .execute())
                                            .flatMap(result -> result.map((row, meta) -> 1))
                                            .then(),
                                    1);
                    return Flux.merge(heard, listen.thenMany(probed))
                            .concatWith(Mono.error(() -> new IllegalStateException("the LISTEN connection closed")));
                },
                Connection::close);
    }

    private Mono<Void> hear(String channel, @Nullable String payload) {
        if (payload == null) {
            return Mono.empty();
        }
        if (UserRepository.LOCKOUT_CLEARED_CHANNEL.equals(channel)) {
            lockouts.clearedElsewhere(payload);
            return Mono.empty();
        }
        return signedIn.recheck(payload).onErrorResume(e -> {
            log.error("Could not recheck the sign-ins of '{}' after it changed", payload, e);
            return Mono.empty();
        });
    }

    /** The driver's own factory: this connection lives as long as the instance and must not hold a pool slot. */
    private static ConnectionFactory unpooled(ConnectionFactory factory) {
        ConnectionFactory current = factory;
        while (current instanceof Wrapped<?> wrapped && wrapped.unwrap() instanceof ConnectionFactory inner) {
            current = inner;
        }
        return current;
    }
}
