package io.railcast.server.planning;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which published schedule versions are kept, under {@code railcast.retention}. See {@link VersionRetention} for
 * what is always kept.
 *
 * @param enabled       whether the retention job is scheduled; true
 * @param cron          Quartz cron of the retention job, in the planning zone; 03:30 every night
 * @param keepRecent    the most recent versions kept whatever their age; 20 (at least 2)
 * @param inForceWindow every version in force at some moment within this long before now is kept, and all later
 *                      ones: an agent that fetched a version and went offline plays it until its horizon ends, at
 *                      most 168 h (the protocol's longest), so the default is 7 days
 */
@ConfigurationProperties("railcast.retention")
record RetentionProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 30 3 * * ?") String cron,
        @DefaultValue("20") int keepRecent,
        @DefaultValue("7d") Duration inForceWindow) {

    RetentionProperties {
        if (keepRecent < 2) {
            // the agents' event fan-out compares a new version with the one before it
            throw new IllegalArgumentException("railcast.retention.keep-recent must be at least 2, got " + keepRecent);
        }
        if (inForceWindow.isNegative()) {
            throw new IllegalArgumentException("railcast.retention.in-force-window must not be negative");
        }
    }
}
