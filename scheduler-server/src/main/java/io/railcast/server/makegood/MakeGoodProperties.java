package io.railcast.server.makegood;

import org.quartz.CronExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of make-goods ({@code railcast.make-goods.*}).
 *
 * @param cron         when the make-good job counts owed plays, in UTC (hourly, at 20 past, by default: plays of a
 *                     day that ended arrive within minutes, late ones from agents that were offline later)
 * @param lookbackDays how many days before each station's date a count looks at (1-400; 92 by default): older days
 *                     keep what was last counted
 */
@ConfigurationProperties("railcast.make-goods")
record MakeGoodProperties(
        @DefaultValue("0 20 * * * ?") String cron,
        @DefaultValue("92") int lookbackDays) {

    static final int MAX_LOOKBACK_DAYS = 400;

    MakeGoodProperties {
        if (!CronExpression.isValidExpression(cron)) {
            throw new IllegalArgumentException("railcast.make-goods.cron is not a Quartz cron expression: " + cron);
        }
        if (lookbackDays < 1 || lookbackDays > MAX_LOOKBACK_DAYS) {
            throw new IllegalArgumentException(
                    "railcast.make-goods.lookback-days must be 1 to " + MAX_LOOKBACK_DAYS + ", got " + lookbackDays);
        }
    }
}
