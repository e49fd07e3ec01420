package io.railcast.model.planning;

import io.railcast.model.solver.HourProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Resolves the hour problems of many screen groups on every planning thread, for the plan (every day of each group)
 * and for the whole-flight check (only the days of each class that do not repeat an earlier one,
 * {@link RepeatingDays}). Each thread has a resolver of its own (a resolver is for one thread) and takes the next
 * slice of consecutive groups until none is left, so a thread that drew light groups takes more; then equal problems
 * resolved by different threads are made one object again, as one resolver would have made them: the planner counts
 * and shares distinct hours by identity. Resolving was one thread's work while the other cores waited: a third of a
 * large network's plan, and most of a check over months.
 */
final class GroupProblems {

    /** Slices per thread: enough for a thread to make up for another's heavier slices, few enough to share caches. */
    private static final int SLICES_PER_THREAD = 8;

    /**
     * Each group's problems by hour of its distinct days, in the order of the groups, and which distinct day each
     * day of the horizon has.
     */
    record Resolved(Map<ScreenGroup.Key, HourProblem[]> problems, Map<ScreenGroup.Key, RepeatingDays> repeats) {}

    /** One group's problems by hour of its distinct days (null off air). */
    private record Days(HourProblem[] problems, RepeatingDays repeats) {}

    private final PsaPolicy psaPolicy;
    private final int threads;

    GroupProblems(PsaPolicy psaPolicy, int threads) {
        this.psaPolicy = psaPolicy;
        this.threads = Math.max(1, threads);
    }

    /** Each group's problems by hour of the horizon (null off air), in the order of {@code groups}. */
    Map<ScreenGroup.Key, HourProblem[]> resolve(Collection<ScreenGroup> groups, LocalDate firstDay, int days) {
        return resolve(groups, firstDay, days, false).problems();
    }

    /** Each group's problems on the days of the horizon that do not repeat an earlier day of it only. */
    Resolved resolveDistinctDays(Collection<ScreenGroup> groups, LocalDate firstDay, int days) {
        return resolve(groups, firstDay, days, true);
    }

    private Resolved resolve(Collection<ScreenGroup> groups, LocalDate firstDay, int days, boolean repeating) {
        List<ScreenGroup> all = List.copyOf(groups);
        Days[] resolved = new Days[all.size()];
        int slices = Math.min(all.size(), SLICES_PER_THREAD * threads);
        if (threads == 1 || slices < 2) {
            HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
            for (int i = 0; i < all.size(); i++) {
                resolved[i] = days(resolver, all.get(i), firstDay, days, repeating);
            }
        } else {
            int chunk = (all.size() + slices - 1) / slices;
            AtomicInteger next = new AtomicInteger();
            run(() -> {
                HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
                for (int slice = next.getAndIncrement(); slice < slices; slice = next.getAndIncrement()) {
                    for (int i = slice * chunk; i < Math.min(all.size(), (slice + 1) * chunk); i++) {
                        resolved[i] = days(resolver, all.get(i), firstDay, days, repeating);
                    }
                }
            });
        }
        Map<ScreenGroup.Key, HourProblem[]> problems = new LinkedHashMap<>();
        Map<ScreenGroup.Key, RepeatingDays> repeats = new LinkedHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            problems.put(all.get(i).key(), resolved[i].problems());
            repeats.put(all.get(i).key(), resolved[i].repeats());
        }
        if (threads > 1 && slices >= 2) {
            shareEqualProblems(problems.values());
        }
        return new Resolved(problems, repeats);
    }

    private static Days days(
            HourProblemResolver resolver, ScreenGroup group, LocalDate firstDay, int days, boolean repeating) {
        RepeatingDays repeats = repeating ? resolver.repeatingDays(group, firstDay, days) : RepeatingDays.none(days);
        HourProblem[] hours = new HourProblem[repeats.distinctDays() * 24];
        for (int slot = 0; slot < repeats.distinctDays(); slot++) {
            resolver.resolveDay(group, firstDay.plusDays(repeats.day(slot)), hours, slot * 24);
        }
        return new Days(hours, repeats);
    }

    /**
     * Makes equal problems one object, the first in the order of the groups. A resolver hands out one object per
     * distinct problem, so each object is looked up by value once and by identity after.
     */
    private static void shareEqualProblems(Collection<HourProblem[]> groups) {
        Map<HourProblem, HourProblem> canonical = new HashMap<>();
        Map<HourProblem, HourProblem> seen = new IdentityHashMap<>();
        for (HourProblem[] hours : groups) {
            for (int i = 0; i < hours.length; i++) {
                HourProblem problem = hours[i];
                if (problem != null) {
                    HourProblem one = seen.get(problem);
                    if (one == null) {
                        one = canonical.computeIfAbsent(problem, p -> p);
                        seen.put(problem, one);
                    }
                    hours[i] = one;
                }
            }
        }
    }

    /** Runs {@code worker} on every thread and waits for all of them. */
    private void run(Runnable worker) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hour-resolver");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("resolving hours was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("resolving hours failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
