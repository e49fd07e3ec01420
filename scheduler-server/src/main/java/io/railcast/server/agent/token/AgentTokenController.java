package io.railcast.server.agent.token;

import io.railcast.server.system.ApiProblem;
import java.net.URI;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/screens/{id}/agent-token}, for operators provisioning a screen: {@code POST} issues the screen's
 * token (shown this once) and revokes any earlier one; {@code DELETE} revokes it. Signed in through the API's
 * own HTTP Basic chain, and only for the roles ADMIN and OPERATOR.
 */
@RestController
@RequestMapping("/api/v1/screens/{id}/agent-token")
class AgentTokenController {

    private static final Set<String> PROVISIONING_ROLES = Set.of("ROLE_ADMIN", "ROLE_OPERATOR");

    private final AgentTokens tokens;

    AgentTokenController(AgentTokens tokens) {
        this.tokens = tokens;
    }

    @PostMapping
    Mono<ResponseEntity<IssuedToken>> issue(@PathVariable String id, Authentication user) {
        return mayProvision(user)
                .then(tokens.issue(id))
                .map(issued -> ResponseEntity.created(URI.create("/api/v1/screens/" + id + "/agent-token"))
                        .cacheControl(CacheControl.noStore())
                        .body(issued));
    }

    @DeleteMapping
    Mono<ResponseEntity<Void>> revoke(@PathVariable String id, Authentication user) {
        return mayProvision(user)
                .then(tokens.revoke(id))
                .map(revoked -> ResponseEntity.noContent().build());
    }

    private static Mono<Void> mayProvision(Authentication user) {
        boolean allowed = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(PROVISIONING_ROLES::contains);
        return allowed
                ? Mono.empty()
                : Mono.error(ApiProblem.forbidden(
                        "forbidden",
                        "Forbidden",
                        "Only an administrator or operator may issue or revoke agent tokens."));
    }
}
