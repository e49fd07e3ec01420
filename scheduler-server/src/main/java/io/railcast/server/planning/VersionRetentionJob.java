package io.railcast.server.planning;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retires schedule versions nobody needs any more ({@link VersionRetention}, {@code railcast.retention.*}). Runs
 * on one instance of the cluster, never twice at once; its result is the {@link VersionRetention.Retirement}.
 */
@DisallowConcurrentExecution
class VersionRetentionJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(VersionRetentionJob.class);

    private final VersionRetention retention;
    private final RetentionProperties properties;

    VersionRetentionJob(VersionRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            long started = System.nanoTime();
            VersionRetention.Retirement retired = retention
                    .retire(properties.keepRecent(), properties.inForceWindow())
                    .block(Duration.ofMinutes(30));
            context.setResult(retired);
            if (retired != null && !retired.versions().isEmpty()) {
                log.info(
                        "Retired {} schedule versions ({} to {}): {} screen rows, {} hour plans, in {} ms",
                        retired.versions().size(),
                        retired.versions().get(0),
                        retired.versions().get(retired.versions().size() - 1),
                        retired.screenRows(),
                        retired.hourPlans(),
                        (System.nanoTime() - started) / 1_000_000);
            } else {
                log.info("Version retention: nothing to retire");
            }
        } catch (RuntimeException e) {
            throw new JobExecutionException("version retention failed", e, false);
        }
    }
}
