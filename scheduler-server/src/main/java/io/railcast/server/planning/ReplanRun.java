package io.railcast.server.planning;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A full re-plan asked for through {@code POST /api/v1/plans/replan}, as far as it has come.
 *
 * @param id          1, 2, ... on this instance since it started
 * @param reason      what the published version's reason will say: "re-plan #3 asked by admin"
 * @param state       QUEUED (behind other planning runs), RUNNING, DONE or FAILED
 * @param hoursSolved how many of the distinct hours are decided so far (kept from the plan in force, or solved); null
 *                    before the planner counted them
 * @param hoursTotal  how many distinct hours the plan decides; null before the planner counted them
 * @param outcome     when done: PUBLISHED, or UNCHANGED when the plan equals the version in force
 * @param version     when done: the version in force after it
 * @param millis      when done or failed: how long the run took, publication included
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReplanRun(
        long id,
        String reason,
        String askedBy,
        Instant askedAt,
        String state,
        @Nullable Integer hoursSolved,
        @Nullable Integer hoursTotal,
        @Nullable String outcome,
        @Nullable Long version,
        @Nullable Long millis) {

    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    boolean underWay() {
        return QUEUED.equals(state) || RUNNING.equals(state);
    }

    /** The run as {@code event}, one of its own planning events, leaves it. */
    ReplanRun after(PlanEvent event) {
        return switch (event.type()) {
            case PlanEvent.STARTED -> with(RUNNING, hoursSolved, hoursTotal, null, null, null);
            case PlanEvent.PROGRESS -> with(RUNNING, event.hoursSolved(), event.hoursTotal(), null, null, null);
            case PlanEvent.FINISHED ->
                with(
                        "FAILED".equals(event.outcome()) ? FAILED : DONE,
                        hoursSolved,
                        hoursTotal,
                        event.outcome(),
                        event.version(),
                        event.millis());
            default -> this;
        };
    }

    private ReplanRun with(
            String newState,
            @Nullable Integer solved,
            @Nullable Integer total,
            @Nullable String newOutcome,
            @Nullable Long newVersion,
            @Nullable Long newMillis) {
        return new ReplanRun(id, reason, askedBy, askedAt, newState, solved, total, newOutcome, newVersion, newMillis);
    }
}
