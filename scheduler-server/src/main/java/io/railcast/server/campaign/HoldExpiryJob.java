package io.railcast.server.campaign;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired holds and records each as expired ({@link HoldService#expire}). An expired hold is counted nowhere
 * before this runs; it keeps the table to the holds in force. Runs on one instance of the cluster at a time; its
 * result is how many holds it deleted.
 */
@DisallowConcurrentExecution
class HoldExpiryJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiryJob.class);

    private final HoldService holds;

    HoldExpiryJob(HoldService holds) {
        this.holds = holds;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            Long expired = holds.expire().block(Duration.ofMinutes(5));
            context.setResult(expired);
            if (expired != null && expired > 0) {
                log.info("Released {} expired holds", expired);
            }
        } catch (RuntimeException e) {
            throw new JobExecutionException("hold expiry failed", e, false);
        }
    }
}
