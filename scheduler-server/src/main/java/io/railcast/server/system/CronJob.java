package io.railcast.server.system;

import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * A durable job on a cron schedule in Quartz's clustered store, kept as configured: its trigger is replaced only when
 * the cron, the zone or the misfire rule differ, so a restart neither resets it nor causes catch-up fires. Use it
 * inside {@link ClusteredJobs#change}.
 *
 * @param misfire {@link CronTrigger#MISFIRE_INSTRUCTION_DO_NOTHING} or {@link CronTrigger#MISFIRE_INSTRUCTION_FIRE_ONCE_NOW}
 */
public record CronJob(
        Class<? extends Job> type,
        JobKey job,
        TriggerKey trigger,
        String description,
        String cron,
        TimeZone zone,
        int misfire) {

    public CronJob {
        if (misfire != CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
                && misfire != CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW) {
            throw new IllegalArgumentException("misfire must be DO_NOTHING or FIRE_ONCE_NOW, got " + misfire);
        }
    }

    /** Stores the job and its trigger unless they are stored as configured already; answers whether it stored them. */
    public boolean keep(Scheduler scheduler) throws SchedulerException {
        if (scheduler.getTrigger(trigger) instanceof CronTrigger existing
                && existing.getCronExpression().equals(cron)
                && Objects.equals(existing.getTimeZone().getID(), zone.getID())
                && existing.getMisfireInstruction() == misfire) {
            return false;
        }
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(cron).inTimeZone(zone);
        schedule = misfire == CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING
                ? schedule.withMisfireHandlingInstructionDoNothing()
                : schedule.withMisfireHandlingInstructionFireAndProceed();
        scheduler.scheduleJob(
                JobBuilder.newJob(type)
                        .withIdentity(job)
                        .withDescription(description)
                        .storeDurably()
                        .build(),
                Set.of(TriggerBuilder.newTrigger()
                        .withIdentity(trigger)
                        .forJob(job)
                        .withSchedule(schedule)
                        .build()),
                true);
        return true;
    }
}
