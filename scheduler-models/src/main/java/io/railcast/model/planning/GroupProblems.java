package io.railcast.model.planning;

import io.railcast.model.solver.HourProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Resolves the hour problems of many screen groups on several threads, each slice of groups with a resolver of its
 * own (a resolver is for one thread), then makes equal problems of different slices one object again, as one
 * resolver would have: the planner counts and shares distinct hours by identity. Resolving was one thread's work
 * while the other cores waited, a third of a large network's plan.
 */
final class GroupProblems {

    private final PsaPolicy psaPolicy;
    private final int threads;

    GroupProblems(PsaPolicy psaPolicy, int threads) {
        this.psaPolicy = psaPolicy;
        this.threads = Math.max(1, threads);
    }

    /** Each group's problems by hour of the horizon (null off air), in the order of {@code groups}. */
    Map<ScreenGroup.Key, HourProblem[]> resolve(Collection<ScreenGroup> groups, LocalDate firstDay, int days) {
        List<ScreenGroup> all = List.copyOf(groups);
        int slices = all.size() < 2 * threads ? 1 : 2 * threads;
        int chunk = Math.max(1, (all.size() + slices - 1) / slices);
        List<List<ScreenGroup>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += chunk) {
            parts.add(all.subList(from, Math.min(all.size(), from + chunk)));
        }
        Map<ScreenGroup.Key, HourProblem[]> problems = new LinkedHashMap<>();
        // the slices come back in order, so the n-th problems are the n-th group's
        for (List<HourProblem[]> resolved : run(parts, firstDay, days)) {
            for (HourProblem[] hours : resolved) {
                problems.put(all.get(problems.size()).key(), hours);
            }
        }
        if (parts.size() > 1) {
            Map<HourProblem, HourProblem> canonical = new HashMap<>();
            for (HourProblem[] hours : problems.values()) {
                for (int i = 0; i < hours.length; i++) {
                    if (hours[i] != null) {
                        hours[i] = canonical.computeIfAbsent(hours[i], problem -> problem);
                    }
                }
            }
        }
        return problems;
    }

    private List<HourProblem[]> slice(List<ScreenGroup> groups, LocalDate firstDay, int days) {
        HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
        List<HourProblem[]> resolved = new ArrayList<>(groups.size());
        for (ScreenGroup group : groups) {
            HourProblem[] hours = new HourProblem[days * 24];
            for (int day = 0; day < days; day++) {
                resolver.resolveDay(group, firstDay.plusDays(day), hours, day * 24);
            }
            resolved.add(hours);
        }
        return resolved;
    }

    private List<List<HourProblem[]>> run(List<List<ScreenGroup>> parts, LocalDate firstDay, int days) {
        if (parts.size() <= 1) {
            return parts.stream().map(part -> slice(part, firstDay, days)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hour-resolver");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<List<HourProblem[]>>> futures = new ArrayList<>();
            for (List<ScreenGroup> part : parts) {
                futures.add(pool.submit(() -> slice(part, firstDay, days)));
            }
            List<List<HourProblem[]>> results = new ArrayList<>();
            for (Future<List<HourProblem[]>> future : futures) {
                results.add(future.get());
            }
            return results;
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
