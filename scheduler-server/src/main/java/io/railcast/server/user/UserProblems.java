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
        return problem(refusal).toResponse();
    }

    private static ApiProblem problem(UserRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof UserRefusal.UnknownUser unknown) {
            problem =
                    ApiProblem.notFound("unknown-user", "Unknown user", "No user is named " + unknown.username() + ".");
        } else if (refusal instanceof UserRefusal.InvalidUser invalid) {
            problem = ApiProblem.invalid("invalid-user", "Invalid user", invalid.problems());
        } else if (refusal instanceof UserRefusal.LastAdministrator last) {
            problem = ApiProblem.conflict(
                    "last-administrator",
                    "Last administrator",
                    last.username() + " is the last enabled administrator: enable or add another administrator"
                            + " first. Nothing was changed.",
                    List.of(FieldProblem.of("username", last.username() + " is the last enabled administrator")));
        } else if (refusal instanceof UserRefusal.ConfiguredAdministrator configured) {
            problem = ApiProblem.conflict(
                    "configured-administrator",
                    "Administrator from configuration",
                    configured.username() + " is the administrator of railcast.security.admin-user; change it in"
                            + " the server's configuration. Nothing was changed.",
                    List.of(FieldProblem.of("username", configured.username() + " is set by configuration")));
        } else {
            String username = ((UserRefusal.DuplicateUser) refusal).username();
            problem = ApiProblem.conflict(
                    "duplicate-user",
                    "User exists",
                    "A user named " + username + " exists already. Nothing was stored.",
                    List.of(FieldProblem.of("username", "a user named " + username + " exists already")));
        }
        return problem;
    }
}
