package io.railcast.server.agent.schedule;

import io.railcast.server.system.ApiProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The schedule's refusals as the agent protocol answers them: RFC 9457 problems. */
@RestControllerAdvice
class ScheduleProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ScheduleRefusal refusal) {
        if (refusal instanceof ScheduleRefusal.NoPlan noPlan) {
            return ApiProblem.notFound("no-plan", "No plan", "No hour plan " + noPlan.planId() + " is stored.")
                    .toResponse();
        }
        String screenId = ((ScheduleRefusal.NoSchedule) refusal).screenId();
        return ApiProblem.notFound(
                        "no-schedule", "No schedule", "No schedule has been published for screen " + screenId + " yet.")
                .toResponse();
    }
}
