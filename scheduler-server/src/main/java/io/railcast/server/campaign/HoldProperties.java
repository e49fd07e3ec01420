package io.railcast.server.campaign;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a hold keeps its airtime, and when expired holds are removed.
 *
 * @param holdDays       days from when a hold is taken until it expires (1-90; 7 by default): from then on it is
 *                       counted nowhere
 * @param holdExpiryCron when the hold-expiry job deletes expired holds, in the planning zone (every 10 minutes by
 *                       default); what it deletes is already counted nowhere, so it only keeps the table short
 */
@ConfigurationProperties("railcast.booking")
record HoldProperties(
        @DefaultValue("7") int holdDays,
        @DefaultValue("0 0/10 * * * ?") String holdExpiryCron) {

    HoldProperties {
        if (holdDays < 1 || holdDays > 90) {
            throw new IllegalArgumentException("railcast.booking.hold-days must be 1 to 90, got " + holdDays);
        }
        if (!CronExpression.isValidExpression(holdExpiryCron)) {
            throw new IllegalArgumentException(
                    "railcast.booking.hold-expiry-cron is not a Quartz cron expression: " + holdExpiryCron);
        }
    }
}
