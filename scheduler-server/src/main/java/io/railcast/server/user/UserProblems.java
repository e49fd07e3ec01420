package io.railcast.server.user;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The user directory's refusals as the API answers them: RFC 9457 problems. */
@RestControllerAdvice
class UserProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(UserRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof UserRefusal.UnknownUser unknown) {
            problem =
                    ApiProblem.notFound("unknown-user", "Unknown user", "No user is named " + unknown.username() + ".");
        } else if (refusal instanceof UserRefusal.InvalidUser invalid) {
            problem = ApiProblem.invalid("invalid-user", "Invalid user", invalid.problems());
        } else {
            String username = ((UserRefusal.DuplicateUser) refusal).username();
            problem = ApiProblem.conflict(
                    "duplicate-user",
                    "User exists",
                    "A user named " + username + " exists already. Nothing was stored.",
                    List.of(FieldProblem.of("username", "a user named " + username + " exists already")));
        }
        return problem.toResponse();
    }
}
