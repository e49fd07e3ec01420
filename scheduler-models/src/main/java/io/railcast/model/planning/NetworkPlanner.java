package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.HourSolver;
import io.railcast.model.solver.SolvedHour;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Plans every screen of the network for a horizon of whole days. Screens that targeting cannot tell apart form a
 * group; each group-hour becomes an {@link HourProblem}; each distinct problem is solved once and every screen-hour
 * with that problem refers to the same plan. Re-planning resolves only the groups a change touches and keeps the
 * plan of every hour whose problem did not change.
 */
public final class NetworkPlanner {

    private final HourSolver solver;
    private final PsaPolicy psaPolicy;
    private final int threads;

    public NetworkPlanner(HourSolver solver, PsaPolicy psaPolicy, int threads) {
        this.solver = solver;
        this.psaPolicy = psaPolicy;
        this.threads = Math.max(1, threads);
    }

    public NetworkPlanner(PsaPolicy psaPolicy) {
        this(new HourSolver(), psaPolicy, Runtime.getRuntime().availableProcessors());
    }

    public PlanResult plan(Network network, List<Campaign> campaigns, LocalDate firstDay, int days) {
        return plan(network, campaigns, firstDay, days, PlanProgress.NONE);
    }

    /** {@link #plan(Network, List, LocalDate, int)}, telling {@code progress} how many hours are solved. */
    public PlanResult plan(
            Network network, List<Campaign> campaigns, LocalDate firstDay, int days, PlanProgress progress) {
        long started = System.nanoTime();
        Map<ScreenGroup.Key, ScreenGroup> groups = ScreenGroups.of(network, campaigns);
        Map<ScreenGroup.Key, HourProblem[]> problems = resolve(groups.values(), firstDay, days);
        Solving solving = solve(problems, Map.of(), null, progress, null, false);
        return finish(network, campaigns, groups, firstDay, days, problems, solving, started);
    }

    /**
     * The contracted plays that {@link #plan(Network, List, LocalDate, int)} would leave out, found the same way but
     * without building every screen's schedule, and resolving and solving only once for groups whose problems are
     * equal ({@link ProblemClass}) and only the days of a group that do not repeat an earlier one
     * ({@link RepeatingDays}); hours already in {@code solved} are not solved again, and the hours solved here are
     * added to it.
     */
    public List<Shortfall> shortfalls(
            Network network, List<Campaign> campaigns, LocalDate firstDay, int days, SolvedHours solved) {
        Map<ProblemClass, List<ScreenGroup>> classes =
                ProblemClass.classify(ScreenGroups.of(network, campaigns).values(), psaPolicy);
        HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
        Map<ScreenGroup.Key, RepeatingDays> repeats = new LinkedHashMap<>();
        Map<ScreenGroup.Key, HourProblem[]> problems = new LinkedHashMap<>();
        for (List<ScreenGroup> members : classes.values()) {
            ScreenGroup group = members.get(0);
            RepeatingDays repeating = resolver.repeatingDays(group, firstDay, days);
            HourProblem[] hours = new HourProblem[repeating.distinctDays() * 24];
            for (int slot = 0; slot < repeating.distinctDays(); slot++) {
                resolver.resolveDay(group, firstDay.plusDays(repeating.day(slot)), hours, slot * 24);
            }
            repeats.put(group.key(), repeating);
            problems.put(group.key(), hours);
        }
        Solving solving = solve(problems, Map.of(), null, PlanProgress.NONE, solved, true);
        List<Shortfall> shortfalls = new ArrayList<>();
        classes.values().forEach(members -> {
            ScreenGroup.Key key = members.get(0).key();
            members.forEach(group ->
                    addShortfalls(group, solving.plans().get(key), repeats.get(key), firstDay, shortfalls::add));
        });
        return shortfalls;
    }

    /**
     * Plans again after the campaigns named in {@code changed} were added, edited or removed ({@code campaigns} is
     * the full new list). Groups that none of them targets, before or after, keep their plans untouched; in the
     * others, an hour whose problem is unchanged keeps its plan, and a changed hour starts from its published plan.
     */
    public PlanResult replan(PlanResult previous, List<Campaign> campaigns, Set<String> changed) {
        long started = System.nanoTime();
        NetworkSchedule before = previous.schedule();
        Map<ScreenGroup.Key, ScreenGroup> groups = ScreenGroups.of(previous.network(), campaigns);
        List<Campaign> touching = new ArrayList<>();
        previous.campaigns().stream().filter(c -> changed.contains(c.id())).forEach(touching::add);
        campaigns.stream().filter(c -> changed.contains(c.id())).forEach(touching::add);
        List<ScreenGroup> affected = groups.values().stream()
                .filter(group -> touching.stream().anyMatch(group::isTargetedBy))
                .toList();
        Map<ScreenGroup.Key, HourProblem[]> problems =
                new LinkedHashMap<>(previous.groupHours().problems());
        problems.putAll(resolve(affected, before.firstDay(), before.days()));
        Solving solving = solve(
                problems,
                previous.groupHours().plans(),
                previous.groupHours().problems(),
                PlanProgress.NONE,
                null,
                false);
        return finish(
                previous.network(), campaigns, groups, before.firstDay(), before.days(), problems, solving, started);
    }

    private Map<ScreenGroup.Key, HourProblem[]> resolve(
            java.util.Collection<ScreenGroup> groups, LocalDate firstDay, int days) {
        Map<ScreenGroup.Key, HourProblem[]> problems = new LinkedHashMap<>();
        HourProblemResolver resolver = new HourProblemResolver(psaPolicy);
        for (ScreenGroup group : groups) {
            HourProblem[] hours = new HourProblem[days * 24];
            for (int day = 0; day < days; day++) {
                resolver.resolveDay(group, firstDay.plusDays(day), hours, day * 24);
            }
            problems.put(group.key(), hours);
        }
        return problems;
    }

    /** An hour to solve; a changed hour starts from its own published plan, so that is part of the work. */
    private record Work(HourProblem problem, HourPlan published) {}

    /** Which plan each group-hour gets, and how many hours were solved and searched to get them. */
    private record Solving(Map<ScreenGroup.Key, SolvedHour[]> plans, int distinct, int solved, int searched) {}

    private Solving solve(
            Map<ScreenGroup.Key, HourProblem[]> problems,
            Map<ScreenGroup.Key, SolvedHour[]> oldPlans,
            Map<ScreenGroup.Key, HourProblem[]> oldProblems,
            PlanProgress progress,
            SolvedHours known,
            boolean missingOnly) {
        Map<Work, SolvedHour> work = new LinkedHashMap<>();
        Map<ScreenGroup.Key, Work[]> workByGroup = new LinkedHashMap<>();
        Map<ScreenGroup.Key, SolvedHour[]> plans = new LinkedHashMap<>();
        IdentityHashMap<HourProblem, Boolean> distinct = new IdentityHashMap<>();
        problems.forEach((key, hours) -> {
            SolvedHour[] kept = oldPlans.get(key);
            HourProblem[] keptProblems = oldProblems == null ? null : oldProblems.get(key);
            SolvedHour[] chosen = new SolvedHour[hours.length];
            Work[] pending = new Work[hours.length];
            for (int i = 0; i < hours.length; i++) {
                HourProblem problem = hours[i];
                if (problem == null) {
                    continue;
                }
                distinct.put(problem, Boolean.TRUE);
                if (kept != null && kept[i] != null && problem.equals(keptProblems[i])) {
                    chosen[i] = kept[i];
                } else if (known != null && known.get(problem) != null) {
                    chosen[i] = known.get(problem);
                } else {
                    HourPlan published = kept != null && kept[i] != null ? kept[i].plan() : null;
                    pending[i] = new Work(problem, published);
                    work.put(pending[i], null);
                }
            }
            plans.put(key, chosen);
            workByGroup.put(key, pending);
        });
        List<Work> items = new ArrayList<>(work.keySet());
        List<SolvedHour> results = solveAll(items, progress, missingOnly);
        int searched = 0;
        for (int i = 0; i < items.size(); i++) {
            work.put(items.get(i), results.get(i));
            searched += results.get(i).searched() ? 1 : 0;
            if (known != null) {
                known.put(items.get(i).problem(), results.get(i));
            }
        }
        workByGroup.forEach((key, pending) -> {
            SolvedHour[] chosen = plans.get(key);
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] != null) {
                    chosen[i] = work.get(pending[i]);
                }
            }
        });
        return new Solving(plans, distinct.size(), items.size(), searched);
    }

    /** @param missingOnly whether only the missing plays are wanted, not the plans ({@link HourSolver#shortfall}) */
    private List<SolvedHour> solveAll(List<Work> items, PlanProgress progress, boolean missingOnly) {
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
                futures.add(pool.submit(() -> slice.stream()
                        .map(w ->
                                missingOnly ? solver.shortfall(w.problem()) : solver.solve(w.problem(), w.published()))
                        .toList()));
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

    private static PlanResult finish(
            Network network,
            List<Campaign> campaigns,
            Map<ScreenGroup.Key, ScreenGroup> groups,
            LocalDate firstDay,
            int days,
            Map<ScreenGroup.Key, HourProblem[]> problems,
            Solving solving,
            long started) {
        NetworkSchedule.Builder schedule = NetworkSchedule.builder(firstDay, days);
        for (ScreenGroup group : groups.values()) {
            SolvedHour[] chosen = solving.plans().get(group.key());
            for (Screen screen : group.screens()) {
                schedule.screen(screen.id());
                for (int i = 0; i < chosen.length; i++) {
                    if (chosen[i] != null) {
                        schedule.put(screen.id(), firstDay.plusDays(i / 24), i % 24, chosen[i].plan());
                    }
                }
            }
            addShortfalls(group, chosen, RepeatingDays.none(days), firstDay, schedule::shortfall);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new PlanResult(
                network,
                List.copyOf(campaigns),
                schedule.build(),
                solving.distinct(),
                solving.solved(),
                solving.searched(),
                millis,
                new PlanResult.GroupHours(problems, solving.plans()));
    }

    /** The contracted plays each day's hours leave out, the plan of day d being that of its distinct day. */
    private static void addShortfalls(
            ScreenGroup group,
            SolvedHour[] chosen,
            RepeatingDays repeats,
            LocalDate firstDay,
            Consumer<Shortfall> shortfalls) {
        for (int day = 0; day < repeats.days(); day++) {
            int slot = repeats.slot(day);
            for (int hour = 0; hour < 24; hour++) {
                SolvedHour solved = chosen[slot * 24 + hour];
                if (solved != null && !solved.isComplete()) {
                    for (String campaign : solved.missingPlays().keySet()) {
                        shortfalls.accept(new Shortfall(
                                campaign,
                                group.station().code(),
                                firstDay.plusDays(day),
                                hour,
                                group.screens().size(),
                                solved.missingPlays().get(campaign),
                                solved.missingSeconds().get(campaign)));
                    }
                }
            }
        }
    }
}
