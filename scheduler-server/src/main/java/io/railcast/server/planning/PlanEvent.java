package io.railcast.server.planning;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Progress of the planner, streamed by {@code /api/v1/plans/events}: {@code plan-started} when a run begins,
 * {@code plan-progress} as a full plan (plan at start, re-plans) solves its hours, {@code plan-finished} when it
 * ends.
 *
 * @param type     plan-started or plan-finished
 * @param reason   why it runs: "booking C-0001", "nightly re-plan", ...
 * @param campaign the campaign whose change is planned, if any
 * @param outcome  when finished: PUBLISHED, UNCHANGED (the plan equals the current version), CAUGHT_UP (the plan
 *                 of another instance's version made by re-planning what it changed), CHECKED (an availability check), HELD (a hold taken), REFUSED (the booking does not fit or is invalid) or FAILED
 * @param version  when finished: the version published, or the current one when none was
 * @param millis   when finished: how long the run took, publication included
 * @param hoursSolved in progress: how many of the distinct hours are decided (kept from the plan in force, or solved)
 * @param hoursTotal  in progress: how many distinct hours the plan decides (0 when none is on air)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanEvent(
        @JsonIgnore String type,
        String reason,
        @Nullable String campaign,
        @Nullable String outcome,
        @Nullable Long version,
        @Nullable Long millis,
        @Nullable Integer hoursSolved,
        @Nullable Integer hoursTotal,
        Instant at) {

    static final String STARTED = "plan-started";
    static final String PROGRESS = "plan-progress";
    static final String FINISHED = "plan-finished";

    static PlanEvent started(String reason, @Nullable String campaign, Instant at) {
        return new PlanEvent(STARTED, reason, campaign, null, null, null, null, null, at);
    }

    static PlanEvent progress(String reason, int hoursSolved, int hoursTotal, Instant at) {
        return new PlanEvent(PROGRESS, reason, null, null, null, null, hoursSolved, hoursTotal, at);
    }

    static PlanEvent finished(
            String reason, @Nullable String campaign, String outcome, @Nullable Long version, long millis, Instant at) {
        return new PlanEvent(FINISHED, reason, campaign, outcome, version, millis, null, null, at);
    }
}
