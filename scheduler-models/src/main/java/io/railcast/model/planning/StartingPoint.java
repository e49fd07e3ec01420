package io.railcast.model.planning;

import io.railcast.model.network.Screen;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.SolvedHour;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Where a plan starts from: the published plan, so that re-planning moves only what changed. A group-hour whose
 * problem is the one its published plan was made for keeps that plan as it is (plans are content-addressed by
 * problem: the same problem gets the same plan); any other group-hour that had a published plan is solved starting
 * from it, and the solver's stability rule prices every published play it moves.
 *
 * <p>Group-hours are matched by date and clock hour, so a plan of a later horizon (a new day) finds the published
 * plan of the same hour; by screen group, and when the group is new (a screen went out of service, a station was
 * added) by the published plan of the group's first screen that has one.
 */
final class StartingPoint {

    /** A plan from scratch. */
    static final StartingPoint NONE = new StartingPoint(null, Map.of(), 0);

    private final PlanResult published;
    private final Map<ScreenGroup.Key, ScreenGroup> groups;
    /** Hours from the published horizon's first hour to this plan's first hour. */
    private final long shift;

    private StartingPoint(PlanResult published, Map<ScreenGroup.Key, ScreenGroup> groups, long shift) {
        this.published = published;
        this.groups = groups;
        this.shift = shift;
    }

    /** Starts a plan of the {@code groups} from {@code firstDay} from the {@code published} plan. */
    static StartingPoint from(PlanResult published, Map<ScreenGroup.Key, ScreenGroup> groups, LocalDate firstDay) {
        long days = ChronoUnit.DAYS.between(published.schedule().firstDay(), firstDay);
        return new StartingPoint(published, groups, days * 24);
    }

    /** The published plan of the group-hour when it was made for exactly {@code problem}, else null. */
    SolvedHour keep(ScreenGroup.Key key, int hour, HourProblem problem) {
        if (published == null) {
            return null;
        }
        HourProblem[] problems = published.groupHours().problems().get(key);
        SolvedHour[] plans = published.groupHours().plans().get(key);
        long at = hour + shift;
        if (problems == null || plans == null || at < 0 || at >= problems.length) {
            return null;
        }
        SolvedHour kept = plans[(int) at];
        return kept != null && problem.equals(problems[(int) at]) ? kept : null;
    }

    /** The plan the group-hour had when published (to solve it from), or null when it had none. */
    HourPlan publishedPlan(ScreenGroup.Key key, int hour) {
        if (published == null) {
            return null;
        }
        SolvedHour[] plans = published.groupHours().plans().get(key);
        long at = hour + shift;
        if (plans != null && at >= 0 && at < plans.length) {
            return plans[(int) at] == null ? null : plans[(int) at].plan();
        }
        ScreenGroup group = groups.get(key);
        if (group == null) {
            return null;
        }
        NetworkSchedule schedule = published.schedule();
        LocalDate date = schedule.firstDay().plusDays(Math.floorDiv(at, 24));
        for (Screen screen : group.screens()) {
            HourPlan plan =
                    schedule.planFor(screen.id(), date, Math.floorMod(at, 24)).orElse(null);
            if (plan != null) {
                return plan;
            }
        }
        return null;
    }
}
