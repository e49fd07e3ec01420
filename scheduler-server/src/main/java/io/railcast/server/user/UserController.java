package io.railcast.server.user;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageAnswer;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/users}: administrators add, list and change users and reset their passwords (the security chain
 * admits no one else), and every signed-in user changes their own password at {@code /api/v1/users/me/password}.
 */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService service;
    private final UserAdministration administration;

    UserController(UserService service, UserAdministration administration) {
        this.service = service;
        this.administration = administration;
    }

    /** A page of the users by name; {@code q} finds those whose name holds it, in any case. */
    @GetMapping
    Mono<ResponseEntity<List<UserView>>> list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String limit,
            @RequestParam(required = false) @Nullable String after,
            ServerHttpRequest request) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            String text = q == null || q.isBlank() ? null : q.strip();
            TextRules.check("q", text, TextRules.SHORT, problems);
            PageRequest page = PageRequest.read(limit, after, PageRequest.DEFAULT_LIMIT, PageRequest.CODE, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-filter", "Invalid filter", problems));
            }
            return PageAnswer.of(service.list(text, page).map(UserView::of), page, UserView::username, request);
        });
    }

    @GetMapping("/{username}")
    Mono<UserView> get(@PathVariable String username) {
        return service.get(username).map(UserView::of);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<UserView>> add(@RequestBody UserPayload payload) {
        return service.add(payload)
                .map(user -> ResponseEntity.created(URI.create("/api/v1/users/" + user.username()))
                        .body(UserView.of(user)));
    }

    /** Disables, re-enables or gives another role: {@code {"enabled":false}}, {@code {"role":"PLANNER"}}. */
    @PatchMapping(
            path = "/{username}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    Mono<UserView> change(@PathVariable String username, @RequestBody UserChange change) {
        return administration.change(username, change).map(UserView::of);
    }

    /** An administrator sets a user's password: 204, and the old one no longer signs in. */
    @PostMapping(path = "/{username}/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> resetPassword(@PathVariable String username, @RequestBody PasswordReset reset) {
        return administration
                .resetPassword(username, reset)
                .thenReturn(ResponseEntity.noContent().build());
    }

    /** The caller changes their own password with their current one: 204. */
    @PostMapping(path = "/" + UserService.ME + "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> changeOwnPassword(Principal caller, @RequestBody OwnPasswordChange change) {
        return administration
                .changeOwnPassword(caller.getName(), change)
                .thenReturn(ResponseEntity.noContent().build());
    }
}
