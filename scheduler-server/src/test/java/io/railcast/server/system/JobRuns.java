package io.railcast.server.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.TriggerKey;

/**
 * Every job run that one cluster instance finished, recorded by a listener on its scheduler; tests wait on it for a
 * run to be recorded instead of sleeping. One object may listen on several schedulers: each run names its instance.
 */
final class JobRuns {

    /** One finished run: where, which job, by which trigger, for which scheduled instant, and how it ended. */
    record Run(
            String instance,
            JobKey job,
            TriggerKey trigger,
            long scheduledFireMillis,
            @Nullable Object result,
            @Nullable JobExecutionException failure) {}

    private final List<Run> runs = new ArrayList<>();

    /** A listener for the scheduler of {@code instance}, recording into this object. */
    JobListener listenerFor(String instance) {
        return new JobListener() {
            @Override
            public String getName() {
                return "job-runs-" + instance;
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {}

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {}

            @Override
            public void jobWasExecuted(JobExecutionContext context, @Nullable JobExecutionException failure) {
                record(new Run(
                        instance,
                        context.getJobDetail().getKey(),
                        context.getTrigger().getKey(),
                        context.getScheduledFireTime().getTime(),
                        context.getResult(),
                        failure));
            }
        };
    }

    private synchronized void record(Run run) {
        runs.add(run);
        notifyAll();
    }

    /** The runs recorded so far that match {@code which}. */
    synchronized List<Run> of(Predicate<Run> which) {
        return runs.stream().filter(which).toList();
    }

    /** Waits until at least {@code count} recorded runs match {@code which}; answers them. */
    synchronized List<Run> await(Predicate<Run> which, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Run> found = of(which);
        while (found.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("expected " + count + " matching job runs within " + timeout + ", saw " + found
                        + " of " + runs);
            }
            wait(Math.max(1, left / 1_000_000));
            found = of(which);
        }
        return found;
    }
}
