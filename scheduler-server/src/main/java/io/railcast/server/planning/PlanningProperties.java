package io.railcast.server.planning;

import io.railcast.server.system.StationZone;
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
 * @param unimprovedSteps    local search per hour that needs it: steps without improvement before giving up (the
 *                           planner's own default); used for every plan that is published
 * @param checkSteps         the same for availability checks, which need only whether every contracted play has a
 *                           place: a booking that does not fit makes the solver search every hour it touches, and
 *                           at the full budget that takes minutes at a busy hub
 * @param psaShare           public-service airtime owed per screen-hour, as a share of commercial airtime
 * @param psaShareByProvince the same for provinces whose rules differ
 */
@ConfigurationProperties("railcast.planning")
record PlanningProperties(
        @DefaultValue("72") int horizonHours,
        @DefaultValue(StationZone.DEFAULT) ZoneId zone,
        @DefaultValue("0") int threads,
        @DefaultValue("0 5 0 * * ?") String nightlyCron,
        @DefaultValue("300") int unimprovedSteps,
        @DefaultValue("1") int checkSteps,
        @DefaultValue("0.03") double psaShare,
        Map<String, Double> psaShareByProvince) {

    PlanningProperties {
        psaShareByProvince = psaShareByProvince == null ? Map.of() : Map.copyOf(psaShareByProvince);
        if (horizonHours < 1 || horizonHours > 24 * 30) {
            throw new IllegalArgumentException("railcast.planning.horizon-hours must be 1-720, got " + horizonHours);
        }
        if (unimprovedSteps < 1 || checkSteps < 1) {
            throw new IllegalArgumentException("railcast.planning.unimproved-steps and check-steps must be positive");
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
