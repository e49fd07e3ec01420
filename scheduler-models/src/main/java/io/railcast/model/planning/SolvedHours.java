package io.railcast.model.planning;

import io.railcast.model.solver.HourProblem;
import io.railcast.model.solver.SolvedHour;
import java.util.HashMap;
import java.util.Map;

/**
 * Hours already solved, kept from one plan to the next of a run of plans over successive days. A problem met again
 * (the same campaigns asking the same of the same kind of screen, as on most days of a long flight) gets the plan it
 * got before: that is the plan the solver gives it, since an hour's plan depends on its problem alone (a problem is
 * solved from scratch, and the solver is reproducible). Bounded: past {@value #LIMIT} problems it starts afresh.
 * Not thread-safe: one run of plans uses it at a time.
 */
public final class SolvedHours {

    static final int LIMIT = 50_000;

    private final Map<HourProblem, SolvedHour> solved = new HashMap<>();

    SolvedHour get(HourProblem problem) {
        return solved.get(problem);
    }

    void put(HourProblem problem, SolvedHour hour) {
        if (solved.size() >= LIMIT) {
            solved.clear();
        }
        solved.put(problem, hour);
    }

    int size() {
        return solved.size();
    }
}
