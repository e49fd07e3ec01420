package io.railcast.server.user;

import java.net.URI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code /api/v1/users}: administrators add and list users (the security chain admits no one else). */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

    private final UserService service;

    UserController(UserService service) {
        this.service = service;
    }

    @GetMapping
    Flux<UserView> list() {
        return service.list().map(UserView::of);
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
}
