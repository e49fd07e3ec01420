package io.railcast.model.planning;

import io.railcast.model.schedule.HourPlan;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.HourSolver;
import io.railcast.model.solver.SolvedHour;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Gives every group-hour its plan, solving each distinct hour once: an hour the starting point already has a plan
 * for (its problem unchanged) keeps it, an hour decided before ({@link SolvedHours}) takes that, and the rest are
 * solved in parallel, each from its published plan when it had one.
 */
final class DistinctHours {

    private final HourSolver solver;
    private final int threads;

    DistinctHours(HourSolver solver, int threads) {
        this.solver = solver;
        this.threads = threads;
    }

    String revision() {
        return solver.revision();
    }

    /**
     * An hour to decide: solved from its published plan, or kept as it is. Published and kept plans are shared
     * objects, compared by identity (a deep comparison of every plan would cost more than it saves).
     */
    private record Work(HourProblem problem, HourPlan published, SolvedHour kept) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Work work
                    && problem.equals(work.problem)
                    && published == work.published
                    && kept == work.kept;
        }

        @Override
        public int hashCode() {
            return Objects.hash(problem, System.identityHashCode(published), System.identityHashCode(kept));
        }
    }

    /** Which plan each group-hour gets, and how many hours were solved and searched to get them. */
    record Solving(Map<ScreenGroup.Key, SolvedHour[]> plans, int distinct, int solved, int searched) {}

    /**
     * @param known       hours decided before, and where to add those decided here; null for none
     * @param missingOnly whether only the missing plays are wanted, not the plans ({@link HourSolver#shortfall})
     */
    Solving solve(
            Map<ScreenGroup.Key, HourProblem[]> problems,
            StartingPoint start,
            PlanProgress progress,
            SolvedHours known,
            boolean missingOnly) {
        Map<Work, SolvedHour> work = new LinkedHashMap<>();
        Map<ScreenGroup.Key, Work[]> workByGroup = new LinkedHashMap<>();
        IdentityHashMap<HourProblem, Boolean> distinct = new IdentityHashMap<>();
        problems.forEach((key, hours) -> {
            Work[] pending = new Work[hours.length];
            for (int i = 0; i < hours.length; i++) {
                HourProblem problem = hours[i];
                if (problem == null) {
                    continue;
                }
                distinct.put(problem, Boolean.TRUE);
                SolvedHour kept = start.keep(key, i, problem);
                if (kept == null && known != null) {
                    kept = known.get(problem);
                }
                pending[i] = kept != null
                        ? new Work(problem, kept.plan(), kept)
                        : new Work(problem, start.publishedPlan(key, i), null);
                work.put(pending[i], null);
            }
            workByGroup.put(key, pending);
        });
        List<Work> items = new ArrayList<>(work.keySet());
        List<SolvedHour> results = decideAll(items, progress, missingOnly);
        int solved = 0;
        int searched = 0;
        for (int i = 0; i < items.size(); i++) {
            work.put(items.get(i), results.get(i));
            if (items.get(i).kept() == null) {
                solved++;
                searched += results.get(i).searched() ? 1 : 0;
                if (known != null) {
                    known.put(items.get(i).problem(), results.get(i));
                }
            }
        }
        Map<ScreenGroup.Key, SolvedHour[]> plans = new LinkedHashMap<>();
        workByGroup.forEach((key, pending) -> {
            SolvedHour[] chosen = new SolvedHour[pending.length];
            for (int i = 0; i < pending.length; i++) {
                chosen[i] = pending[i] == null ? null : work.get(pending[i]);
            }
            plans.put(key, chosen);
        });
        return new Solving(plans, distinct.size(), solved, searched);
    }

    /** Decides every hour, in parallel, telling {@code progress} after each slice (kept hours count at once). */
    private List<SolvedHour> decideAll(List<Work> items, PlanProgress progress, boolean missingOnly) {
        if (items.isEmpty()) {
            progress.hoursSolved(0, 0);
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hour-planner");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int chunk = Math.max(1, items.size() / (threads * 8));
            List<Future<List<SolvedHour>>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += chunk) {
                List<Work> slice = items.subList(from, Math.min(items.size(), from + chunk));
                futures.add(pool.submit(
                        () -> slice.stream().map(w -> decide(w, missingOnly)).toList()));
            }
            List<SolvedHour> results = new ArrayList<>(items.size());
            for (Future<List<SolvedHour>> future : futures) {
                results.addAll(future.get());
                progress.hoursSolved(results.size(), items.size());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("planning was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("planning an hour failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private SolvedHour decide(Work work, boolean missingOnly) {
        if (work.kept() != null) {
            return work.kept();
        }
        return missingOnly ? solver.shortfall(work.problem()) : solver.solve(work.problem(), work.published());
    }
}
