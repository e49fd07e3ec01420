package io.railcast.server.planning;

import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far ahead and when the server plans.
 *
 * @param horizonHours       how far ahead of now every published version reaches: the plan covers today and as
 *                           many further days as that takes (72 h: today + 3 days)
 * @param zone               the zone whose calendar decides "today" (the stations' local time)
 * @param threads            planning threads; 0 for one per processor
 * @param nightlyCron        Quartz cron of the nightly full re-plan, in {@code zone}
 * @param psaShare           public-service airtime owed per screen-hour, as a share of commercial airtime
 * @param psaShareByProvince the same for provinces whose rules differ
 */
@ConfigurationProperties("railcast.planning")
record PlanningProperties(
        @DefaultValue("72") int horizonHours,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("0") int threads,
        @DefaultValue("0 5 0 * * ?") String nightlyCron,
        @DefaultValue("0.03") double psaShare,
        Map<String, Double> psaShareByProvince) {

    PlanningProperties {
        psaShareByProvince = psaShareByProvince == null ? Map.of() : Map.copyOf(psaShareByProvince);
        if (horizonHours < 1 || horizonHours > 24 * 30) {
            throw new IllegalArgumentException("railcast.planning.horizon-hours must be 1-720, got " + horizonHours);
        }
    }

    /** Days of a plan: today, and enough days after it that now + horizon lies inside. */
    int days() {
        return 1 + (horizonHours + 23) / 24;
    }

    int plannerThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
