package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The reports' refusals as the API answers them: RFC 9457 problems. */
@RestControllerAdvice
class ReportProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ReportRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof ReportRefusal.OutsideHorizon outside) {
            String field = outside.field();
            problem = ApiProblem.invalid(
                    "outside-horizon",
                    "Outside the horizon",
                    List.of(FieldProblem.of(
                            field,
                            field + " must lie in version " + outside.version() + "'s horizon, " + outside.firstDay()
                                    + " to " + outside.lastDay() + ", got " + outside.date())));
        } else if (refusal instanceof ReportRefusal.BadQuery bad) {
            problem = ApiProblem.invalid(
                    "invalid-query", "Invalid query", List.of(FieldProblem.of(bad.field(), bad.getMessage())));
        } else {
            problem = ApiProblem.notFound("no-version", "No version", "No schedule version is published yet.");
        }
        return problem.toResponse();
    }
}
