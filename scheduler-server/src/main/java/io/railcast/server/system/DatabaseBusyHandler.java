package io.railcast.server.system;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The database cannot serve the request: every R2DBC connection is in use and none came free within
 * {@code spring.r2dbc.pool.max-acquire-time}, or PostgreSQL is away (stopped, restarting, the connection cut). Either
 * is answered 503 with {@code Retry-After} (which the agent protocol honours, and which tells a load balancer and a
 * planner's client to try again) rather than waiting without end or a 500 that reads as a bug. A
 * {@link WebExceptionHandler}, so that it also covers the security chains' database look-ups, which run before any
 * controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseBusyHandler implements WebExceptionHandler {

    private static final Log logger = LogFactory.getLog(DatabaseBusyHandler.class);

    /** About how long PostgreSQL takes to come back from a fast restart, and how often listeners try ({@link Reconnect}). */
    private static final String AWAY_RETRY_SECONDS = Long.toString(Reconnect.AT_MOST.toSeconds());

    private final JsonMapper jsonMapper;
    private final String retryAfterSeconds;

    DatabaseBusyHandler(JsonMapper jsonMapper, R2dbcProperties properties) {
        this.jsonMapper = jsonMapper;
        long wait = properties.getPool().getMaxAcquireTime() == null
                ? 5
                : Math.max(1, properties.getPool().getMaxAcquireTime().toSeconds());
        this.retryAfterSeconds = Long.toString(wait);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        if (isDatabaseAway(ex)) {
            logger.warn("The database is away for " + exchange.getRequest().getMethod() + " "
                    + exchange.getRequest().getPath() + " (" + ex + "): answered 503");
            exchange.getResponse().getHeaders().set("Retry-After", AWAY_RETRY_SECONDS);
            return ApiProblem.write(
                    exchange,
                    ApiProblem.problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "database-unavailable",
                            "Database unavailable",
                            "The database cannot be reached; nothing was changed unless a later read shows it. Retry"
                                    + " after " + AWAY_RETRY_SECONDS + " s."),
                    jsonMapper);
        }
        if (!isAcquireTimeout(ex)) {
            return Mono.error(ex);
        }
        logger.warn("No database connection came free in time for "
                + exchange.getRequest().getMethod() + " "
                + exchange.getRequest().getPath() + ": answered 503");
        exchange.getResponse().getHeaders().set("Retry-After", retryAfterSeconds);
        return ApiProblem.write(
                exchange,
                ApiProblem.problem(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "database-busy",
                        "Database busy",
                        "Every database connection is in use; retry after " + retryAfterSeconds + " s."),
                jsonMapper);
    }

    /**
     * PostgreSQL is away: a connection refused or closed (r2dbc reports both as a non-transient resource exception,
     * as it does SQLSTATE class 08), a transient resource failure, or an operator's shutdown (SQLSTATE 57P01–57P03).
     */
    static boolean isDatabaseAway(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof ConnectException
                    || cause instanceof ClosedChannelException
                    || (cause instanceof R2dbcException r2dbc
                            && String.valueOf(r2dbc.getSqlState()).startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** r2dbc-pool reports a timed-out acquisition as an R2dbcTimeoutException caused by a TimeoutException. */
    static boolean isAcquireTimeout(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcTimeoutException
                    && cause.getCause() instanceof TimeoutException
                    && String.valueOf(cause.getMessage()).startsWith("Connection acquisition timed out")) {
                return true;
            }
        }
        return false;
    }
}
