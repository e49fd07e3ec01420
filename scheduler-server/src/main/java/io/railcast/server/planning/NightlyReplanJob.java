package io.railcast.server.planning;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly full re-plan: moves the horizon on to the new day and plans every campaign afresh, which also gives
 * up the small irregularities that many re-plans leave. Runs on one instance of the cluster.
 */
@DisallowConcurrentExecution
class NightlyReplanJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(NightlyReplanJob.class);

    private final PlanningService planning;

    NightlyReplanJob(PlanningService planning) {
        this.planning = planning;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            Long version = planning.replan("nightly re-plan").block(Duration.ofMinutes(30));
            log.info("Nightly re-plan done; current version {}", version);
        } catch (RuntimeException e) {
            throw new JobExecutionException("the nightly re-plan failed", e, false);
        }
    }
}
