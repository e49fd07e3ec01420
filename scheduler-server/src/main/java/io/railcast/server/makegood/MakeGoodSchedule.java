package io.railcast.server.makegood;

import io.railcast.server.system.ClusteredJobs;
import io.railcast.server.system.CronJob;
import io.railcast.server.system.CronSchedule;
import java.util.TimeZone;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerKey;
import org.springframework.stereotype.Component;

/**
 * Keeps the make-good job ({@code make-good} in group {@code makegood}) in Quartz's clustered store on
 * {@code railcast.make-goods.cron}, in UTC. The trigger is replaced only when its schedule changes.
 *
 * <p>Misfire: fire once now. A missed count leaves owed plays uncounted until the next one; counting again is cheap
 * and changes nothing that was counted already.
 */
@Component
class MakeGoodSchedule extends CronSchedule {

    static final JobKey JOB = JobKey.jobKey("make-good", "makegood");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("make-good", "makegood");

    MakeGoodSchedule(ClusteredJobs jobs, MakeGoodProperties properties) {
        super(
                jobs,
                new CronJob(
                        MakeGoodJob.class,
                        JOB,
                        TRIGGER,
                        "count the plays campaigns are owed",
                        properties.cron(),
                        TimeZone.getTimeZone("UTC"),
                        CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW));
    }
}
