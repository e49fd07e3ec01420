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
 * not the plan. Bounded: past {@value #LIMIT} problems it starts afresh. With a ledger ({@link DecidedHours}), a
 * problem not met in this process is looked up there by its content before it is solved, and every hour solved is
 * added to it. Not thread-safe.
 */
public final class SolvedHours {

    static final int LIMIT = 50_000;

    private final Map<HourProblem, SolvedHour> solved = new HashMap<>();
    // problems the ledger does not know, with their keys, until they are solved (a key is a digest of the problem)
    private final Map<HourProblem, HourKey> unknown = new HashMap<>();
    private final DecidedHours ledger;

    public SolvedHours() {
        this(null);
    }

    /** @param ledger the decisions kept beyond this process; null for none */
    SolvedHours(DecidedHours ledger) {
        this.ledger = ledger;
    }

    SolvedHour get(HourProblem problem) {
        SolvedHour hour = solved.get(problem);
        if (hour != null || ledger == null || unknown.containsKey(problem)) {
            return hour;
        }
        HourKey key = HourKey.of(problem, ledger.revision());
        hour = ledger.find(key);
        if (hour == null) {
            unknown.put(problem, key);
        } else {
            remember(problem, hour);
        }
        return hour;
    }

    /** Keeps what a check needs of {@code hour}, its missing plays, and not its plan. */
    void put(HourProblem problem, SolvedHour hour) {
        SolvedHour kept =
                new SolvedHour(null, hour.score(), hour.searched(), hour.missingPlays(), hour.missingSeconds());
        remember(problem, kept);
        if (ledger != null) {
            HourKey key = unknown.remove(problem);
            ledger.decided(key != null ? key : HourKey.of(problem, ledger.revision()), kept);
        }
    }

    private void remember(HourProblem problem, SolvedHour hour) {
        if (solved.size() >= LIMIT) {
            solved.clear();
            unknown.clear();
        }
        solved.put(problem, hour);
    }

    int size() {
        return solved.size();
    }
}
