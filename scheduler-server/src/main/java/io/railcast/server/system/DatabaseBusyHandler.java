package io.railcast.server.system;

import io.r2dbc.spi.R2dbcTimeoutException;
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
 * Every R2DBC connection is in use and none came free within {@code spring.r2dbc.pool.max-acquire-time}: answer
 * 503 with {@code Retry-After} (which the agent protocol honours) instead of letting the request wait without end.
 * A {@link WebExceptionHandler}, so that it also covers the security chains' database look-ups, which run before
 * any controller.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseBusyHandler implements WebExceptionHandler {

    private static final Log logger = LogFactory.getLog(DatabaseBusyHandler.class);

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
        if (!isAcquireTimeout(ex) || exchange.getResponse().isCommitted()) {
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
