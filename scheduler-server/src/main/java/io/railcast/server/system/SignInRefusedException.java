package io.railcast.server.system;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused before its password was checked, because its user or its address is locked out or has too
 * many sign-ins under way ({@link SignInLimits}). The API answers 429 with {@code Retry-After}; the console's form
 * sends the browser back to the sign-in page with the wait.
 */
public final class SignInRefusedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    SignInRefusedException(String message, Duration retryAfter) {
        super(message);
        // rounded up: a client that waits exactly this long finds the lockout over
        this.retryAfterSeconds = Math.max(1, retryAfter.plusMillis(999).toSeconds());
    }

    /** Whole seconds until a sign-in may succeed again, at least 1. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
