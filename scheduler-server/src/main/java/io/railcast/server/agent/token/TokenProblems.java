package io.railcast.server.agent.token;

import io.railcast.server.system.ApiProblem;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The tokens' refusals as the API answers them: RFC 9457 problems. */
@RestControllerAdvice
class TokenProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(TokenRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof TokenRefusal.UnknownScreens unknown) {
            problem = ApiProblem.invalid("invalid-screens", "Invalid screens", unknown.problems());
        } else {
            problem = ApiProblem.notFound(
                    "unknown-screen",
                    "Unknown screen",
                    "No screen has id " + ((TokenRefusal.UnknownScreen) refusal).screenId() + ".");
        }
        return problem.toResponse();
    }
}
