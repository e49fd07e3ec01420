package io.railcast.server.system;

import org.quartz.SchedulerException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Keeps one {@link CronJob} in Quartz's clustered store once the server is ready, through {@link ClusteredJobs#keep}
 * (which logs when it stores it). A feature's schedule is a component extending this that says only which job it
 * keeps: its keys, class, description, cron, zone and misfire rule.
 */
public abstract class CronSchedule {

    private final ClusteredJobs jobs;
    private final CronJob job;

    protected CronSchedule(ClusteredJobs jobs, CronJob job) {
        this.jobs = jobs;
        this.job = job;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void schedule() throws SchedulerException {
        jobs.keep(job);
    }
}
