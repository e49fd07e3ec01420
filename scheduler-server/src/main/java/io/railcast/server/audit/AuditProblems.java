package io.railcast.server.audit;

import io.railcast.server.system.ApiProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A question to the history that cannot be answered, as an RFC 9457 problem naming each parameter at fault; also for
 * other features' history endpoints, which ask through {@link AuditQuery#ofObject}.
 */
@RestControllerAdvice
class AuditProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(AuditRefusal refusal) {
        return ApiProblem.invalid("invalid-audit-query", "Invalid audit query", refusal.problems())
                .toResponse();
    }
}
