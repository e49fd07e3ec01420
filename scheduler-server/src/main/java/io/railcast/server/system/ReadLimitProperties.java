package io.railcast.server.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many expensive reads (inventory, delivery reports, screen status: {@link ExpensiveReads}) one instance
 * computes at once, under {@code railcast.reads}.
 *
 * @param maxConcurrent reads computed at once; 1 (each keeps a core busy; with 2 on our 2-core machines, health
 *                      checks and a planner's calls waited up to 0.9 s behind them)
 * @param queue         reads waiting for a turn beyond those; 8. Any more are answered 503 at once
 * @param retryAfter    the {@code Retry-After} of that 503; 2 s
 */
@ConfigurationProperties("railcast.reads")
record ReadLimitProperties(
        @DefaultValue("1") int maxConcurrent,
        @DefaultValue("8") int queue,
        @DefaultValue("2s") Duration retryAfter) {

    ReadLimitProperties {
        if (maxConcurrent < 1 || queue < 0) {
            throw new IllegalArgumentException("railcast.reads.max-concurrent must be at least 1 and .queue not"
                    + " negative, got " + maxConcurrent + " and " + queue);
        }
        if (retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("railcast.reads.retry-after must be positive");
        }
    }
}
