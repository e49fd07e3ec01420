package io.railcast.server.planning;

import io.railcast.server.system.ClusteredJobs;
import io.railcast.server.system.CronJob;
import io.railcast.server.system.CronSchedule;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * Keeps the nightly re-plan in Quartz's clustered store, on {@code railcast.planning.nightly-cron} in the planning
 * zone. The trigger is replaced only when its schedule differs from the configuration, so a restart neither resets
 * it nor causes catch-up fires.
 *
 * <p>Misfire: fire once now, then keep the schedule. A night missed while every instance was down is caught up at
 * once (a server starting on a new day plans anyway, and the job then finds the plan current and publishes
 * nothing); several missed nights give one run, not a burst.
 */
@Component
class NightlyReplanSchedule extends CronSchedule {

    static final JobKey JOB = JobKey.jobKey("nightly-replan", "planning");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("nightly-replan", "planning");

    NightlyReplanSchedule(ClusteredJobs jobs, PlanningProperties properties) {
        super(
                jobs,
                new CronJob(
                        NightlyReplanJob.class,
                        JOB,
                        TRIGGER,
                        "full re-plan of the horizon from the new day",
                        properties.nightlyCron(),
                        TimeZone.getTimeZone(properties.zone()),
                        CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW));
    }
}
