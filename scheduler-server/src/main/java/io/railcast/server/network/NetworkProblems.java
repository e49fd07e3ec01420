package io.railcast.server.network;

import io.railcast.server.system.ApiProblem;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The network's refusals as the API answers them: RFC 9457 problems naming each field at fault. */
@RestControllerAdvice
class NetworkProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(NetworkRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof NetworkRefusal.UnknownStation unknown) {
            problem = ApiProblem.notFound(
                    "unknown-station", "Unknown station", "No station has code " + unknown.code() + ".");
        } else if (refusal instanceof NetworkRefusal.UnknownScreen unknown) {
            problem = ApiProblem.notFound("unknown-screen", "Unknown screen", "No screen has id " + unknown.id() + ".");
        } else if (refusal instanceof NetworkRefusal.Stale stale) {
            problem = ApiProblem.of(
                    HttpStatus.PRECONDITION_FAILED,
                    "stale-" + stale.objectType(),
                    "Changed meanwhile",
                    "The " + stale.objectType() + " " + stale.id() + " is no longer the one If-Match names;"
                            + " nothing was changed. Reload and try again.",
                    Map.of());
        } else if (refusal instanceof NetworkRefusal.InvalidStations invalid) {
            problem = ApiProblem.invalid("invalid-station", "Invalid station", invalid.problems());
        } else if (refusal instanceof NetworkRefusal.InvalidScreens invalid) {
            problem = ApiProblem.invalid("invalid-screen", "Invalid screen", invalid.problems());
        } else if (refusal instanceof NetworkRefusal.DuplicateStations duplicate) {
            problem = ApiProblem.conflict(
                    "duplicate-station",
                    "Station exists",
                    taken(duplicate.taken(), "Station", "stations"),
                    duplicate.problems());
        } else {
            NetworkRefusal.DuplicateScreens duplicate = (NetworkRefusal.DuplicateScreens) refusal;
            problem = ApiProblem.conflict(
                    "duplicate-screen",
                    "Screen exists",
                    taken(duplicate.taken(), "Screen", "screens"),
                    duplicate.problems());
        }
        return problem.toResponse();
    }

    private static String taken(Set<String> taken, String noun, String plural) {
        String detail = taken.size() == 1
                ? noun + " " + taken.iterator().next() + " exists already."
                : taken.size() + " of the " + plural + " exist already.";
        return detail + " Nothing was stored.";
    }
}
