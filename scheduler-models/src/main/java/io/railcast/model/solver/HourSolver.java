package io.railcast.model.solver;

import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.optaplanner.core.api.score.buildin.bendablelong.BendableLongScore;
import org.optaplanner.core.api.solver.Solver;
import org.optaplanner.core.api.solver.SolverFactory;
import org.optaplanner.core.config.localsearch.LocalSearchPhaseConfig;
import org.optaplanner.core.config.phase.custom.CustomPhaseConfig;
import org.optaplanner.core.config.solver.SolverConfig;
import org.optaplanner.core.config.solver.monitoring.MonitoringConfig;
import org.optaplanner.core.config.solver.termination.TerminationConfig;

/**
 * Plans one distinct hour with OptaPlanner: the even-spacing construction first, then local search only while the
 * hard rules or even spacing still cost score. Thread-safe: each thread keeps its own solver.
 */
public final class HourSolver {

    /** Stop as soon as nothing hard is broken and spacing, PSA share and rotation are perfect. */
    static final String GOOD_ENOUGH = "[0/0]hard/[0/0/0/" + Long.MIN_VALUE + "]soft";

    /** The score of an hour the construction places whole, as {@link #constructionIsGoodEnough} sets it. */
    static final BendableLongScore PERFECT =
            BendableLongScore.of(new long[HourSchedule.HARD_LEVELS], new long[HourSchedule.SOFT_LEVELS]);

    /**
     * The revision of what {@link #shortfall} decides for a given problem. Decisions are kept across restarts in a
     * ledger keyed by the problem's content and {@link #revision()}; a change to the construction, the bound, the
     * constraints or the search that can change what an hour decides must raise it, so that no decision of an older
     * build is ever read back. {@code HourDecisionRevisionTest} pins the decisions of seeded hours to tell when.
     */
    static final int DECISIONS_REVISION = 1;

    private final SolverFactory<HourSchedule> factory;
    private final ThreadLocal<Solver<HourSchedule>> solvers;
    private final int unimprovedSteps;

    public HourSolver() {
        this(300);
    }

    /** @param unimprovedSteps how long local search goes on without improving before it gives up on an hour */
    public HourSolver(int unimprovedSteps) {
        this.unimprovedSteps = unimprovedSteps;
        SolverConfig config = new SolverConfig()
                .withSolutionClass(HourSchedule.class)
                .withEntityClasses(SpotAssignment.class)
                .withConstraintProviderClass(HourConstraints.class)
                .withTerminationConfig(new TerminationConfig().withBestScoreLimit(GOOD_ENOUGH))
                // One solver per planning thread; their per-solver gauges would clash in the global registry.
                .withMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of()))
                .withPhases(
                        new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(EvenSpacingConstruction.class)),
                        new LocalSearchPhaseConfig()
                                .withTerminationConfig(new TerminationConfig()
                                        .withUnimprovedStepCountLimit(unimprovedSteps)
                                        .withStepCountLimit(unimprovedSteps * 20)));
        this.factory = SolverFactory.create(config);
        this.solvers = ThreadLocal.withInitial(factory::buildSolver);
    }

    /**
     * What decides {@link #shortfall}'s answer besides the problem: the code's {@value #DECISIONS_REVISION} and the
     * search budget. Two solvers of one revision decide every problem alike (the search is reproducible).
     */
    public String revision() {
        return "shortfall/" + DECISIONS_REVISION + "/steps=" + unimprovedSteps;
    }

    /**
     * Plans {@code problem}. When {@code published} is given (the plan this screen-hour had), plays of a campaign
     * keep the start and creative of that campaign's play of the same rank where they still may.
     */
    public SolvedHour solve(HourProblem problem, HourPlan published) {
        HourSchedule schedule = HourScheduleBuilder.build(problem, published);
        if (constructionIsGoodEnough(schedule)) {
            return toSolvedHour(problem, schedule, false);
        }
        return solveHard(problem, schedule);
    }

    /**
     * The contracted plays {@link #solve(HourProblem)} leaves out, with its plan only when some are: an hour that the
     * construction places whole leaves none out, and an availability check needs no more of it (tiling its gaps
     * with fillers was most of the work).
     */
    public SolvedHour shortfall(HourProblem problem) {
        HourSchedule schedule = HourScheduleBuilder.build(problem, null);
        if (LooseHour.fits(schedule)) {
            // Proven to be what the construction would give: every play in its share, nothing moved, nothing short.
            return new SolvedHour(null, PERFECT, false, Map.of(), Map.of());
        }
        if (constructionIsGoodEnough(schedule)) {
            return new SolvedHour(null, schedule.getScore(), false, Map.of(), Map.of());
        }
        return solveHard(problem, schedule);
    }

    /** An hour the construction cannot place whole: named short at once when overbooked, searched otherwise. */
    private SolvedHour solveHard(HourProblem problem, HourSchedule schedule) {
        if (isOverbooked(problem)) {
            // No search can place more airtime than the screen is on air: searching would only grind through its
            // step budget (minutes for a busy hub) to name the same shortfall the construction names at once.
            EvenSpacingConstruction.Placement placement =
                    EvenSpacingConstruction.best(schedule.getFrame(), schedule.getSpots());
            applyPlacement(schedule, placement);
            return toSolvedHour(problem, schedule, false);
        }
        return toSolvedHour(problem, solvers.get().solve(schedule), true);
    }

    /** Puts the construction's starts and rotation creatives on the schedule's spots, without a score director. */
    private static void applyPlacement(HourSchedule schedule, EvenSpacingConstruction.Placement placement) {
        List<SpotAssignment> spots = schedule.getSpots();
        for (int i = 0; i < spots.size(); i++) {
            spots.get(i).setCreative(spots.get(i).getRotationCreative());
            spots.get(i).setStart(placement.starts[i]);
        }
    }

    /** Whether the hour's contracted plays alone last longer than the screen is on air. */
    static boolean isOverbooked(HourProblem problem) {
        long owed = 0;
        for (Demand demand : problem.demands()) {
            if (demand.contracted()) {
                owed += demand.airtimeSeconds();
            }
        }
        return owed > problem.onAir().length();
    }

    public SolvedHour solve(HourProblem problem) {
        return solve(problem, null);
    }

    /**
     * Most hours are not hard to plan: the even-spacing construction places every play inside its share with nothing
     * hard broken, and OptaPlanner would score that {@link #GOOD_ENOUGH} and stop before its first local-search step.
     * Setting up the score of an hour costs about ten times the construction, so such hours keep the construction's
     * result as it is. The placement certifies itself: it never overlaps, never leaves a window, never puts one
     * category back to back and only uses rotation creatives, which the planner picks from those made for the screen.
     * HourSolverTest checks this claim against OptaPlanner's own score. Any hour with a fault goes to the solver.
     */
    static boolean constructionIsGoodEnough(HourSchedule schedule) {
        EvenSpacingConstruction.Placement placement =
                EvenSpacingConstruction.best(schedule.getFrame(), schedule.getSpots());
        if (placement.faults() > 0 || placement.psaSecondsShort() > 0) {
            return false;
        }
        applyPlacement(schedule, placement);
        long[] soft = new long[HourSchedule.SOFT_LEVELS];
        soft[HourSchedule.SOFT_LEVELS - 1] = -placement.movedFromPublished();
        schedule.setScore(BendableLongScore.of(new long[HourSchedule.HARD_LEVELS], soft));
        return true;
    }

    /**
     * Turns the solver's best solution into a plan. Local search may give up with a rule still broken (only when the
     * hour is overbooked); a screen cannot show two spots at once and a play outside its window is not the play that
     * was sold, so such plays are left out of the plan and reported missing rather than published broken.
     */
    private static SolvedHour toSolvedHour(HourProblem problem, HourSchedule solved, boolean searched) {
        List<SpotAssignment> placed = new ArrayList<>();
        Map<String, Integer> missingPlays = new TreeMap<>();
        Map<String, Integer> missingSeconds = new TreeMap<>();
        for (SpotAssignment spot : solved.getSpots()) {
            boolean valid = spot.getStart() != null
                    && spot.startsInsideWindow()
                    && spot.getCreative().isMadeFor(spot.getScreenType());
            if (valid) {
                placed.add(spot);
            } else if (spot.isContracted()) {
                missing(spot, missingPlays, missingSeconds);
            }
        }
        placed.sort(Comparator.comparingInt(SpotAssignment::getStart));
        List<Spot> planned = new ArrayList<>(placed.size());
        int end = 0;
        for (SpotAssignment spot : placed) {
            if (spot.getStart() < end) {
                if (spot.isContracted()) {
                    missing(spot, missingPlays, missingSeconds);
                }
                continue;
            }
            planned.add(new Spot(
                    spot.getStart(),
                    spot.durationSeconds(),
                    spot.getCampaignId(),
                    spot.getCreative().id(),
                    spot.getKind()));
            end = spot.getEnd();
        }
        List<Spot> tiled = new GapFiller(problem).fill(planned);
        return new SolvedHour(
                new HourPlan(problem.onAir(), tiled), solved.getScore(), searched, missingPlays, missingSeconds);
    }

    private static void missing(SpotAssignment spot, Map<String, Integer> plays, Map<String, Integer> seconds) {
        plays.merge(spot.getCampaignId(), 1, Integer::sum);
        seconds.merge(spot.getCampaignId(), spot.getRotationCreative().durationSeconds(), Integer::sum);
    }

    static Map<String, List<Spot>> byCampaign(HourPlan plan) {
        Map<String, List<Spot>> result = new HashMap<>();
        for (Spot spot : plan.spots()) {
            result.computeIfAbsent(spot.campaignId(), id -> new ArrayList<>()).add(spot);
        }
        return result;
    }
}
