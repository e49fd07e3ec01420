package io.railcast.server.system;

import java.time.Duration;
import org.slf4j.Logger;
import reactor.util.retry.Retry;
import reactor.util.retry.RetryBackoffSpec;

/**
 * How an instance's {@code LISTEN} connections come back after PostgreSQL went away (a restart, a fail-over, a cut):
 * forever, first after 1 s, then at most every {@link #AT_MOST}, so that notifications flow again within seconds of
 * the database's return (the recovery the chaos benchmark holds us to is 30 s), at the cost of a connection attempt
 * every few seconds while it is away.
 */
public final class Reconnect {

    /** The longest wait between two attempts. */
    public static final Duration AT_MOST = Duration.ofSeconds(5);

    private Reconnect() {}

    /** The retry of a listener on {@code channel}, logging each failure at WARN. */
    public static RetryBackoffSpec listening(String channel, Logger log) {
        return Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1))
                .maxBackoff(AT_MOST)
                .transientErrors(true)
                .doBeforeRetry(signal -> log.warn(
                        "Listening for {} failed, reconnecting: {}",
                        channel,
                        signal.failure().toString()));
    }
}
