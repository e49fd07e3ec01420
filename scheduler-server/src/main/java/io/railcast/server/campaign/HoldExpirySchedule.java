package io.railcast.server.campaign;

import io.railcast.server.system.ClusteredJobs;
import io.railcast.server.system.CronJob;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the hold-expiry job ({@code hold-expiry} in group {@code campaign}) in Quartz's clustered store on
 * {@code railcast.booking.hold-expiry-cron}, in UTC. The trigger is replaced only when its schedule changes.
 *
 * <p>Misfire: do nothing. Expired holds are counted nowhere already; the next run deletes them.
 */
@Component
class HoldExpirySchedule {

    static final JobKey JOB = JobKey.jobKey("hold-expiry", "campaign");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("hold-expiry", "campaign");

    private final ClusteredJobs jobs;
    private final HoldProperties properties;

    HoldExpirySchedule(ClusteredJobs jobs, HoldProperties properties) {
        this.jobs = jobs;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() throws SchedulerException {
        jobs.keep(new CronJob(
                HoldExpiryJob.class,
                JOB,
                TRIGGER,
                "delete expired holds",
                properties.holdExpiryCron(),
                TimeZone.getTimeZone("UTC"),
                CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING));
    }
}
