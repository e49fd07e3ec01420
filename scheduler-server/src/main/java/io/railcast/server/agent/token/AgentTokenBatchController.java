package io.railcast.server.agent.token;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/agent-tokens} {@code {"screens": ["BJN-LCD-0001", ...]}}: issues a token for each screen in
 * one transaction, for provisioning a whole station or network at once (one call per screen costs a password check
 * and a transaction each: minutes for 5,600 screens). Each screen's earlier token is revoked, as with
 * {@code POST /api/v1/screens/{id}/agent-token}. The tokens are shown this once.
 */
@RestController
class AgentTokenBatchController {

    static final int MAX_SCREENS = 10_000;

    private static final Set<String> PROVISIONING_ROLES = Set.of("ROLE_ADMIN", "ROLE_OPERATOR");

    private final AgentTokens tokens;

    AgentTokenBatchController(AgentTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping(path = "/api/v1/agent-tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<IssuedTokens>> issue(@RequestBody JsonNode body, Authentication user) {
        boolean allowed = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(PROVISIONING_ROLES::contains);
        if (!allowed) {
            return Mono.error(ApiProblem.forbidden(
                    "forbidden", "Forbidden", "Only an administrator or operator may issue agent tokens."));
        }
        return Mono.fromCallable(() -> screens(body))
                .flatMap(tokens::issueAll)
                .map(issued -> ResponseEntity.created(URI.create("/api/v1/agent-tokens"))
                        .cacheControl(CacheControl.noStore())
                        .body(new IssuedTokens(issued)));
    }

    /** The screen ids of the request, checked for shape: a non-empty array of distinct strings. */
    static List<String> screens(JsonNode body) {
        JsonNode screens = body.path("screens");
        if (!screens.isArray() || screens.isEmpty()) {
            throw invalid("screens", "screens must be a non-empty array of screen ids");
        }
        if (screens.size() > MAX_SCREENS) {
            throw invalid("screens", "at most " + MAX_SCREENS + " screens a request, got " + screens.size());
        }
        List<String> ids = new ArrayList<>(screens.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < screens.size(); i++) {
            JsonNode id = screens.get(i);
            if (!id.isString() || id.asString().isBlank()) {
                throw invalid("screens[" + i + "]", "a screen id must be a non-empty string");
            }
            if (!seen.add(id.asString())) {
                throw invalid("screens[" + i + "]", "screen " + id.asString() + " is named twice");
            }
            ids.add(id.asString());
        }
        return ids;
    }

    private static ApiProblem invalid(String field, String message) {
        return ApiProblem.invalid("invalid-screens", "Invalid screens", List.of(FieldProblem.of(field, message)));
    }

    /** The answer: one token per screen, in the order asked. */
    record IssuedTokens(List<IssuedToken> tokens) {}
}
