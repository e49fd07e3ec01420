package io.railcast.server.system;

import javax.sql.DataSource;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one way to change Quartz's clustered store (schedule, re-schedule, trigger, delete jobs): each change runs in
 * a JDBC transaction of its own on the store's DataSource.
 *
 * <p>Why: Spring's job store hands Quartz the application's connections as they are, with auto-commit on, and tells
 * Quartz not to turn it off. Quartz serialises every change to triggers with a row lock ({@code SELECT ... FOR
 * UPDATE} on {@code qrtz_locks}); outside a transaction that lock is released the moment it is taken. A trigger
 * stored while a {@code @DisallowConcurrentExecution} job was completing then raced the completion: it was stored
 * BLOCKED after the completion had unblocked the job's triggers, and never fired (a nightly re-plan triggered in
 * {@code PublishingIT} never ran; a campaign boundary moved after a publication could have been lost the same way).
 * Inside a transaction the lock is held until the change commits, as Quartz expects. Quartz's own threads (firing,
 * completing, recovering) use their own transactions and need nothing of this.
 */
@Component
public class ClusteredJobs {

    /** A change to the store through {@code scheduler}; its result is {@link #change}'s. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(Scheduler scheduler) throws SchedulerException;
    }

    private static final Logger log = LoggerFactory.getLogger(ClusteredJobs.class);

    /** A job group that never holds a job. */
    static final String WAKE_UP = "railcast-wake-up";

    private final Scheduler scheduler;
    private final TransactionTemplate transaction;

    ClusteredJobs(Scheduler scheduler, DataSource dataSource) {
        this.scheduler = scheduler;
        // not a bean: a JDBC transaction manager in the context would make reactive @Transactional ambiguous
        this.transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * Runs {@code change} in one transaction, holding Quartz's locks until it commits, then wakes this instance's
     * scheduler: Quartz signals its scheduling thread as soon as a trigger is stored, before the transaction
     * commits, so the thread looked, found nothing yet, and would have slept its idle wait (up to 30 s) before
     * firing a trigger due now.
     */
    public <T> T change(Change<T> change) throws SchedulerException {
        T result;
        try {
            result = transaction.execute(status -> {
                try {
                    return change.apply(scheduler);
                } catch (SchedulerException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed failed) {
            throw failed.cause;
        }
        // resuming a group that holds no job changes nothing, and is Quartz's public way to signal its thread
        scheduler.resumeJobs(GroupMatcher.jobGroupEquals(WAKE_UP));
        return result;
    }

    /**
     * Stores {@code job} on its cron schedule unless it is stored as configured already ({@link CronJob#keep});
     * answers whether it stored it, and logs when it did.
     */
    public boolean keep(CronJob job) throws SchedulerException {
        boolean stored = change(job::keep);
        if (stored) {
            log.info(
                    "Job {} scheduled: '{}' in {} ({})",
                    job.job(),
                    job.cron(),
                    job.zone().getID(),
                    job.description());
        }
        return stored;
    }

    /** Carries a checked {@link SchedulerException} out of the transaction callback, rolling the transaction back. */
    private static final class Failed extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient SchedulerException cause;

        Failed(SchedulerException cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
