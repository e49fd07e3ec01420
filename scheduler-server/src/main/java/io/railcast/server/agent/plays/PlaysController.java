package io.railcast.server.agent.plays;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.security.Principal;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** {@code POST /agent/v1/plays}: a batch of up to 1,000 proof-of-play records ({@link PlayService}). */
@RestController
class PlaysController {

    private final PlayService plays;

    PlaysController(PlayService plays) {
        this.plays = plays;
    }

    @PostMapping(path = "/agent/v1/plays", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<PlayReceipt> take(Principal screen, @RequestBody JsonNode body) {
        JsonNode records = body.path("plays");
        if (!records.isArray()) {
            return Mono.error(ApiProblem.invalid(
                    "invalid-plays",
                    "Invalid plays",
                    List.of(FieldProblem.of("plays", "plays must be an array of play records"))));
        }
        if (records.size() > PlayService.MAX_BATCH) {
            return Mono.error(ApiProblem.invalid(
                    "invalid-plays",
                    "Invalid plays",
                    List.of(FieldProblem.of(
                            "plays",
                            "a batch holds at most " + PlayService.MAX_BATCH + " plays, got " + records.size()))));
        }
        return plays.take(screen.getName(), records);
    }
}
