package io.railcast.server.takeover;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Takeover refusals as RFC 9457 problems naming the field at fault. */
@RestControllerAdvice(assignableTypes = TakeoverController.class)
class TakeoverProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(TakeoverRefusal refusal) {
        List<FieldProblem> errors = List.of(FieldProblem.of(refusal.field(), refusal.getMessage()));
        if (refusal instanceof TakeoverRefusal.NotFound) {
            return ApiProblem.notFound("no-such-takeover", "No such takeover", refusal.getMessage())
                    .toResponse();
        }
        if (refusal instanceof TakeoverRefusal.AlreadyOver) {
            return ApiProblem.conflict("takeover-over", "Takeover over", refusal.getMessage(), errors)
                    .toResponse();
        }
        return ApiProblem.invalid("invalid-takeover", "Invalid takeover", errors)
                .toResponse();
    }
}
