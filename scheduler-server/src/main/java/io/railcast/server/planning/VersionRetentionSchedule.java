package io.railcast.server.planning;

import io.railcast.server.system.ClusteredJobs;
import io.railcast.server.system.CronJob;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the version retention job ({@code version-retention} in group {@code planning}) in Quartz's clustered store
 * on {@code railcast.retention.cron} in the planning zone, or removes it when {@code railcast.retention.enabled} is
 * false. The trigger is replaced only when its schedule changes.
 *
 * <p>Misfire: do nothing. A night missed while every instance was down waits for the next one: retention is not
 * urgent, and a start is the worst moment to add work.
 */
@Component
class VersionRetentionSchedule {

    static final JobKey JOB = JobKey.jobKey("version-retention", "planning");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("version-retention", "planning");

    private static final Logger log = LoggerFactory.getLogger(VersionRetentionSchedule.class);

    private final ClusteredJobs jobs;
    private final RetentionProperties retention;
    private final PlanningProperties planning;

    VersionRetentionSchedule(ClusteredJobs jobs, RetentionProperties retention, PlanningProperties planning) {
        this.jobs = jobs;
        this.retention = retention;
        this.planning = planning;
    }

    @EventListener(ApplicationReadyEvent.class)
    void schedule() throws SchedulerException {
        jobs.change(this::schedule);
    }

    private boolean schedule(Scheduler scheduler) throws SchedulerException {
        if (!retention.enabled()) {
            if (scheduler.checkExists(JOB)) {
                scheduler.deleteJob(JOB);
                log.info("Version retention is off: job removed");
            }
            return false;
        }
        TimeZone zone = TimeZone.getTimeZone(planning.zone());
        CronJob cleanUp = new CronJob(
                VersionRetentionJob.class,
                JOB,
                TRIGGER,
                "delete schedule versions no agent can still need",
                retention.cron(),
                zone,
                CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        if (!cleanUp.keep(scheduler)) {
            return false;
        }
        log.info(
                "Version retention scheduled: '{}' in {}, keeping the {} most recent and those in force within {}",
                retention.cron(),
                zone.getID(),
                retention.keepRecent(),
                retention.inForceWindow());
        return true;
    }
}
