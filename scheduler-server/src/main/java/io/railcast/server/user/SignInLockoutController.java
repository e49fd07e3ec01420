package io.railcast.server.user;

import io.railcast.server.system.SignInLimits;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/sign-in-lockouts} (administrators): the lockouts in force on the answering instance, and lifting
 * one of a user name or an address on every instance (204 whether or not it was locked out here).
 */
@RestController
@RequestMapping("/api/v1/sign-in-lockouts")
class SignInLockoutController {

    private final SignInLockouts lockouts;

    SignInLockoutController(SignInLockouts lockouts) {
        this.lockouts = lockouts;
    }

    @GetMapping
    List<SignInLockoutView> list() {
        return lockouts.inForce().stream().map(SignInLockoutView::of).toList();
    }

    @DeleteMapping("/users/{username}")
    Mono<ResponseEntity<Void>> clearUser(@PathVariable String username) {
        return lockouts.clear(SignInLimits.Kind.USER, username)
                .thenReturn(ResponseEntity.noContent().build());
    }

    @DeleteMapping("/addresses/{address}")
    Mono<ResponseEntity<Void>> clearAddress(@PathVariable String address) {
        return lockouts.clear(SignInLimits.Kind.ADDRESS, address)
                .thenReturn(ResponseEntity.noContent().build());
    }
}
