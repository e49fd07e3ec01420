package io.railcast.server.user;

import io.railcast.server.system.SignInLimits;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Administrators see and lift sign-in lockouts. {@link SignInLimits} counts failures in each instance's memory
 * (docs/architecture.md says why), so the list is of the instance that answers; lifting one lifts it on this
 * instance at once and on every other through {@code NOTIFY sign_in_lockout_cleared}.
 */
@Service
class SignInLockouts {

    private static final Logger log = LoggerFactory.getLogger(SignInLockouts.class);

    private final SignInLimits limits;
    private final UserRepository notices;

    SignInLockouts(SignInLimits limits, UserRepository notices) {
        this.limits = limits;
        this.notices = notices;
    }

    List<SignInLimits.Lockout> inForce() {
        return limits.lockouts();
    }

    /** Lifts the lockout of a user name or an address on every instance. */
    Mono<Void> clear(SignInLimits.Kind kind, String key) {
        limits.clear(kind, key);
        return notices.announceLockoutCleared(kind.name().toLowerCase(Locale.ROOT) + ":" + key);
    }

    /** A lockout lifted through another instance (or this one: clearing twice does no harm). */
    void clearedElsewhere(String payload) {
        int colon = payload.indexOf(':');
        SignInLimits.@Nullable Kind kind = colon < 0 ? null : kind(payload.substring(0, colon));
        if (kind == null) {
            log.warn("Ignored a sign-in lockout notice without a kind: '{}'", payload);
            return;
        }
        limits.clear(kind, payload.substring(colon + 1));
    }

    private static SignInLimits.@Nullable Kind kind(String text) {
        for (SignInLimits.Kind kind : SignInLimits.Kind.values()) {
            if (kind.name().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        return null;
    }
}
