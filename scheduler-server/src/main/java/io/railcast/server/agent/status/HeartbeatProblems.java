package io.railcast.server.agent.status;

import io.railcast.server.agent.AgentProblems;
import io.railcast.server.system.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Heartbeats not stored as the agent protocol answers them: RFC 9457 problems, 503s with {@code Retry-After}. */
@RestControllerAdvice
class HeartbeatProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(HeartbeatRefusal refusal) {
        ApiProblem problem;
        if (refusal instanceof HeartbeatRefusal.UnknownScreen unknown) {
            problem = ApiProblem.notFound(
                    "unknown-screen",
                    "Unknown screen",
                    "Screen " + unknown.screenId()
                            + " is not in the network (any more); its heartbeat was not stored.");
        } else if (refusal instanceof HeartbeatRefusal.ServerStopping) {
            problem = unavailable("server-stopping", "Server stopping", "The server is stopping");
        } else if (refusal instanceof HeartbeatRefusal.QueueFull) {
            problem = unavailable(
                    "heartbeats-queue-full",
                    "Too many heartbeats waiting",
                    "Too many heartbeats are waiting to be stored");
        } else {
            problem = unavailable("heartbeat-not-stored", "Heartbeat not stored", "The heartbeat could not be stored");
        }
        return problem.toResponse();
    }

    private static ApiProblem unavailable(String kind, String title, String why) {
        ApiProblem problem = ApiProblem.of(
                HttpStatus.SERVICE_UNAVAILABLE,
                kind,
                title,
                why + "; try again in " + AgentProblems.RETRY_AFTER_SECONDS + " s.",
                Map.of());
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(AgentProblems.RETRY_AFTER_SECONDS));
        return problem;
    }
}
