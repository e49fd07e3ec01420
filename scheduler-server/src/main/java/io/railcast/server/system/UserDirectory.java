package io.railcast.server.system;

import org.springframework.security.core.userdetails.UserDetails;
import reactor.core.publisher.Mono;

/**
 * Users that a feature stores, for HTTP Basic sign-in. The administrator configured by {@code railcast.security.*}
 * is looked up first and cannot be shadowed by a stored user of the same name.
 */
public interface UserDirectory {

    /** The user with BCrypt password hash and {@code ROLE_*} authorities, or empty when unknown. */
    Mono<UserDetails> findByUsername(String username);
}
