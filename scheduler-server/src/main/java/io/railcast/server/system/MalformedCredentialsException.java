package io.railcast.server.system;

import org.springframework.security.core.AuthenticationException;

/**
 * A user name no user can have (control characters such as NUL, or absurdly long): refused with 400 before it
 * reaches the database, which would fail on a NUL, or the lockout counters, which it would only fill.
 */
final class MalformedCredentialsException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    MalformedCredentialsException(String message) {
        super(message);
    }
}
