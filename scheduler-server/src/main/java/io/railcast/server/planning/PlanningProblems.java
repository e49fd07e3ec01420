package io.railcast.server.planning;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The planner's refusals as the API answers them: RFC 9457 problems, with the shortfalls of an overbooking. */
@RestControllerAdvice
class PlanningProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(PlanningRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof PlanningRefusal.InvalidCampaign invalid) {
            problem = ApiProblem.invalid(
                    "invalid-campaign",
                    "Invalid campaign",
                    invalid.problems().stream()
                            .map(p -> FieldProblem.of(p.field(), p.field() + ": " + p.message()))
                            .toList());
        } else if (refusal instanceof PlanningRefusal.Overbooked overbooked) {
            problem = ApiProblem.of(
                    HttpStatus.CONFLICT,
                    "overbooked",
                    "Booking does not fit",
                    "Campaign "
                            + overbooked.campaignId() + " does not fit: "
                            + overbooked.answer().stationHours()
                            + " station-hours would be short of "
                            + overbooked.answer().shortSeconds()
                            + " s of contracted airtime. Nothing was stored.",
                    overbooked.answer().asProblemMembers());
        } else if (refusal instanceof PlanningRefusal.ReplanUnderWay running) {
            problem = ApiProblem.conflict(
                    "replan-under-way",
                    "Re-plan under way",
                    "Re-plan #" + running.runId()
                            + " has not ended yet; its progress is at GET /api/v1/plans/replan. Nothing was started.",
                    List.of());
        } else {
            // the planner checks a change once more against what was published meanwhile; this is a second loss
            String meanwhile = refusal.getMessage();
            problem = ApiProblem.conflict(
                    "conflict",
                    "Conflicting change",
                    Character.toUpperCase(meanwhile.charAt(0)) + meanwhile.substring(1)
                            + "; nothing was changed. Try again.",
                    List.of());
        }
        return problem.toResponse();
    }
}
