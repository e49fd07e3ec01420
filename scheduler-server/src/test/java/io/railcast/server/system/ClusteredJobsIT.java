package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.server.ServerIntegrationTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Changes to Quartz's clustered store hold its lock until they commit, as Quartz assumes: without that, a trigger
 * stored while its job completed could be left blocked for good.
 */
class ClusteredJobsIT extends ServerIntegrationTest {

    @Autowired
    private ClusteredJobs jobs;

    @Autowired
    private Scheduler scheduler;

    @Autowired
    private DataSource dataSource;

    @Test
    void aChangeHoldsTheStoresTriggerLockUntilItCommits() throws Exception {
        try (Connection other = dataSource.getConnection()) {
            JobKey job = jobs.change(store -> {
                JobKey none = JobKey.jobKey("clustered-jobs-it", "it");
                store.pauseJob(none); // takes Quartz's TRIGGER_ACCESS lock, even for a job that does not exist
                assertThat(triggerLockFree(other))
                        .as("the lock while the change is open")
                        .isFalse();
                return none;
            });
            assertThat(job.getName()).isEqualTo("clustered-jobs-it");
            assertThat(triggerLockFree(other))
                    .as("the lock once the change committed")
                    .isTrue();
        }
    }

    @Test
    void aFailedChangeRollsBackAndSaysWhy() throws Exception {
        JobKey job = JobKey.jobKey("clustered-jobs-it-failed", "it");
        assertThatThrownBy(() -> jobs.change(store -> {
                    store.addJob(
                            JobBuilder.newJob(NoJob.class)
                                    .withIdentity(job)
                                    .storeDurably()
                                    .build(),
                            false);
                    // a trigger for a job that does not exist: Quartz refuses it, and the job stored above goes too
                    store.scheduleJob(TriggerBuilder.newTrigger()
                            .forJob(JobKey.jobKey("no-such-job", "it"))
                            .startNow()
                            .build());
                    return job;
                }))
                .isInstanceOf(SchedulerException.class);
        assertThat(scheduler.checkExists(job)).isFalse();
    }

    /** Whether {@code connection} can take the lock row that Quartz takes before changing triggers. */
    private boolean triggerLockFree(Connection connection) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("select 1 from qrtz_locks where sched_name = ?"
                    + " and lock_name = 'TRIGGER_ACCESS' for update nowait")) {
                lock.setString(1, scheduler.getSchedulerName());
                lock.executeQuery().close();
                return true;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available
                    return false;
                }
                throw e;
            } finally {
                connection.rollback();
            }
        } catch (SQLException | SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A job that is never run. */
    public static class NoJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {}
    }
}
