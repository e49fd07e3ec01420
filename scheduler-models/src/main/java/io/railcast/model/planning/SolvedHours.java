package io.railcast.model.planning;

import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.SolvedHour;
import java.util.HashMap;
import java.util.Map;

/**
 * Hours already solved, kept from one check to the next. A problem met again (the same campaigns asking the same of
 * the same kind of screen, as on most days of a long flight and in most checks of an unchanged book) gets the
 * contracted plays it left out before: those are what the solver gives it, since an hour's plan depends on its
 * problem alone (a problem is solved from scratch, and the solver is reproducible). Only the missing plays are kept,
 * not the plan. Bounded: past {@value #LIMIT} problems it starts afresh. Not thread-safe.
 */
public final class SolvedHours {

    static final int LIMIT = 50_000;

    private final Map<HourProblem, SolvedHour> solved = new HashMap<>();

    SolvedHour get(HourProblem problem) {
        return solved.get(problem);
    }

    /** Keeps what a check needs of {@code hour}, its missing plays, and not its plan. */
    void put(HourProblem problem, SolvedHour hour) {
        if (solved.size() >= LIMIT) {
            solved.clear();
        }
        solved.put(
                problem,
                new SolvedHour(null, hour.score(), hour.searched(), hour.missingPlays(), hour.missingSeconds()));
    }

    int size() {
        return solved.size();
    }
}
