package io.railcast.server.campaign;

import io.railcast.server.system.ClusteredJobs;
import io.railcast.server.system.CronJob;
import io.railcast.server.system.CronSchedule;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * Keeps the hold-expiry job ({@code hold-expiry} in group {@code campaign}) in Quartz's clustered store on
 * {@code railcast.booking.hold-expiry-cron}, in UTC. The trigger is replaced only when its schedule changes.
 *
 * <p>Misfire: do nothing. Expired holds are counted nowhere already; the next run deletes them.
 */
@Component
class HoldExpirySchedule extends CronSchedule {

    static final JobKey JOB = JobKey.jobKey("hold-expiry", "campaign");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("hold-expiry", "campaign");

    HoldExpirySchedule(ClusteredJobs jobs, HoldProperties properties) {
        super(
                jobs,
                new CronJob(
                        HoldExpiryJob.class,
                        JOB,
                        TRIGGER,
                        "delete expired holds",
                        properties.holdExpiryCron(),
                        TimeZone.getTimeZone("UTC"),
                        CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING));
    }
}
