package io.railcast.server.user;

import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.SignInLimits;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Administrators see and lift sign-in lockouts. {@link SignInLimits} counts failures in each instance's memory
 * (docs/architecture.md says why), so the list is of the instance that answers; lifting one lifts it on this
 * instance at once and on every other through {@code NOTIFY sign_in_lockout_cleared}, sent in the transaction that
 * records it in the history.
 */
@Service
class SignInLockouts {

    private static final Logger log = LoggerFactory.getLogger(SignInLockouts.class);

    private final SignInLimits limits;
    private final UserRepository notices;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;

    SignInLockouts(SignInLimits limits, UserRepository notices, AuditTrail audit, TransactionalOperator transaction) {
        this.limits = limits;
        this.notices = notices;
        this.audit = audit;
        this.transaction = transaction;
    }

    List<SignInLimits.Lockout> inForce() {
        return limits.lockouts();
    }

    /**
     * Lifts the lockout of a user name or an address on every instance; the history records it with the lockout this
     * instance knew of (null if none).
     */
    Mono<Void> clear(SignInLimits.Kind kind, String key) {
        SignInLockoutView before = limits.lockouts().stream()
                .filter(lockout -> lockout.kind() == kind && lockout.key().equals(key))
                .map(SignInLockoutView::of)
                .findFirst()
                .orElse(null);
        limits.clear(kind, key);
        String lockout = kind.name().toLowerCase(Locale.ROOT) + ":" + key;
        return transaction.transactional(notices.announceLockoutCleared(lockout)
                .then(audit.record(new AuditedChange("clear", "sign-in-lockout", lockout, before, null))));
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
