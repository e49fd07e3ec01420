package io.railcast.model.planning;

/**
 * Told how far a full plan has come: {@code solved} of the {@code total} distinct hours are decided, kept from the
 * plan it starts from (at once) or solved. Called on the planning thread, in order, after each slice of hours and
 * once at the end (solved equals total, 0 of 0 when the plan has no hour on air); a slow listener slows the plan.
 */
@FunctionalInterface
public interface PlanProgress {

    /** Tells nothing. */
    PlanProgress NONE = (solved, total) -> {};

    void hoursSolved(int solved, int total);
}
