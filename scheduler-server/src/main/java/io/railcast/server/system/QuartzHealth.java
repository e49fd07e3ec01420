package io.railcast.server.system;

import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code quartz} component of {@code /actuator/health}: UP while this instance's scheduler runs (started, not
 * in standby, not shut down), so that it takes its share of the cluster's jobs (nightly re-plan, campaign
 * boundaries, retention); DOWN otherwise. Reads Quartz's in-memory state only; the job store's database is the
 * {@code db} component.
 */
@Component("quartzHealthIndicator")
class QuartzHealth extends AbstractHealthIndicator {

    private final Scheduler scheduler;

    QuartzHealth(Scheduler scheduler) {
        super("Quartz health check failed");
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        boolean running = meta.isStarted() && !meta.isInStandbyMode() && !meta.isShutdown();
        (running ? builder.up() : builder.down())
                .withDetail("scheduler", meta.getSchedulerName())
                .withDetail("instanceId", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("started", meta.isStarted())
                .withDetail("standby", meta.isInStandbyMode())
                .withDetail("threads", meta.getThreadPoolSize())
                .withDetail("jobsExecuted", meta.getNumberOfJobsExecuted());
    }
}
