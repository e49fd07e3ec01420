package io.railcast.model.planning;

/**
 * Told how far a full plan has come: {@code solved} of the {@code total} distinct hours that need the solver are
 * solved. Called on the planning thread, in order, after each slice of hours and once at the end (solved equals
 * total, 0 of 0 when nothing needed solving); a slow listener slows the plan.
 */
@FunctionalInterface
public interface PlanProgress {

    /** Tells nothing. */
    PlanProgress NONE = (solved, total) -> {};

    void hoursSolved(int solved, int total);
}
