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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans every screen of the network for a horizon of whole days. Screens that targeting cannot tell apart form a
 * group; each group-hour becomes an {@link HourProblem}; each distinct problem is solved once and every screen-hour
 * with that problem refers to the same plan. Re-planning resolves only the groups a change touches and keeps the
 * plan of every hour whose problem did not change.
 */
public final class NetworkPlanner {

    private final DistinctHours hours;
    private final GroupProblems groupProblems;
    private final PsaPolicy psaPolicy;

    public NetworkPlanner(HourSolver solver, PsaPolicy psaPolicy, int threads) {
        this.hours = new DistinctHours(solver, Math.max(1, threads));
        this.groupProblems = new GroupProblems(psaPolicy, threads);
        this.psaPolicy = psaPolicy;
    }

    public NetworkPlanner(PsaPolicy psaPolicy) {
        this(new HourSolver(), psaPolicy, Runtime.getRuntime().availableProcessors());
    }

    public PlanResult plan(Network network, List<Campaign> campaigns, LocalDate firstDay, int days) {
        return plan(network, campaigns, firstDay, days, PlanProgress.NONE);
    }

    /** {@link #plan(Network, List, LocalDate, int)}, telling {@code progress} how many hours are decided. */
    public PlanResult plan(
            Network network, List<Campaign> campaigns, LocalDate firstDay, int days, PlanProgress progress) {
        return plan(network, campaigns, firstDay, days, progress, null);
    }

    /**
     * A full plan (every screen group resolved again, from {@code firstDay}, which may be later than the published
     * plan's) that starts from the {@code published} plan, when there is one: an hour whose problem is unchanged
     * keeps its published plan, and a changed hour is solved from it ({@link StartingPoint}). With nothing changed
     * it moves no spot, and on a new day only the hours whose problems changed.
     */
    public PlanResult plan(
            Network network,
            List<Campaign> campaigns,
            LocalDate firstDay,
            int days,
            PlanProgress progress,
            PlanResult published) {
        long started = System.nanoTime();
        Map<ScreenGroup.Key, ScreenGroup> groups = ScreenGroups.of(network, campaigns);
        Map<ScreenGroup.Key, HourProblem[]> problems = resolve(groups.values(), firstDay, days);
        StartingPoint start = published == null ? StartingPoint.NONE : StartingPoint.from(published, groups, firstDay);
        DistinctHours.Solving solving = hours.solve(problems, start, progress, null, false);
        return finish(network, campaigns, groups, firstDay, days, problems, solving, started);
    }

    /** The revision of what this planner's checks decide for an hour ({@link HourSolver#revision()}). */
    public String decisionRevision() {
        return hours.revision();
    }

    /**
     * The contracted plays that {@link #plan(Network, List, LocalDate, int)} would leave out, found the same way but
     * without building every screen's schedule, and resolving and solving only once for groups whose problems are
     * equal ({@link ProblemClass}) and only the days of a group that do not repeat an earlier one
     * ({@link RepeatingDays}), on every planning thread ({@link GroupProblems}); hours already in {@code solved} are
     * not solved again, and the hours solved here are added to it.
     */
    public List<Shortfall> shortfalls(
            Network network, List<Campaign> campaigns, LocalDate firstDay, int days, SolvedHours solved) {
        Map<ProblemClass, List<ScreenGroup>> classes =
                ProblemClass.classify(ScreenGroups.of(network, campaigns).values(), psaPolicy);
        List<ScreenGroup> representatives =
                classes.values().stream().map(members -> members.get(0)).toList();
        GroupProblems.Resolved resolved = groupProblems.resolveDistinctDays(representatives, firstDay, days);
        Map<ScreenGroup.Key, HourProblem[]> problems = resolved.problems();
        Map<ScreenGroup.Key, RepeatingDays> repeats = resolved.repeats();
        DistinctHours.Solving solving = hours.solve(problems, StartingPoint.NONE, PlanProgress.NONE, solved, true);
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
        DistinctHours.Solving solving = hours.solve(
                problems, StartingPoint.from(previous, groups, before.firstDay()), PlanProgress.NONE, null, false);
        return finish(
                previous.network(), campaigns, groups, before.firstDay(), before.days(), problems, solving, started);
    }

    private Map<ScreenGroup.Key, HourProblem[]> resolve(
            java.util.Collection<ScreenGroup> groups, LocalDate firstDay, int days) {
        return groupProblems.resolve(groups, firstDay, days);
    }

    private static PlanResult finish(
            Network network,
            List<Campaign> campaigns,
            Map<ScreenGroup.Key, ScreenGroup> groups,
            LocalDate firstDay,
            int days,
            Map<ScreenGroup.Key, HourProblem[]> problems,
            DistinctHours.Solving solving,
            long started) {
        NetworkSchedule.Builder schedule = NetworkSchedule.builder(firstDay, days);
        for (ScreenGroup group : groups.values()) {
            SolvedHour[] chosen = solving.plans().get(group.key());
            List<HourPlan> planByHour = new ArrayList<>(chosen.length);
            for (SolvedHour hour : chosen) {
                planByHour.add(hour == null ? null : hour.plan());
            }
            schedule.screens(group.screens().stream().map(Screen::id).toList(), planByHour);
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
