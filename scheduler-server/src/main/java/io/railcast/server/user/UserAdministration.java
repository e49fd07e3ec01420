package io.railcast.server.user;

import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.SignedInUsers;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Changes to users: administrators disable and re-enable them, change their role and reset their password; users
 * change their own password. Each change is stored, recorded in the history (a password change as such: never the
 * password or its hash) and announced ({@code NOTIFY user_changed}) in one transaction; every instance then rechecks what it remembers of the user ({@link SignedInUsers}), this one before it answers.
 *
 * <p>The stored users always keep one enabled administrator once they have one: the administrator from
 * configuration is not counted, since its password may be generated anew at every start and is not a way in that
 * an operator can rely on. That administrator is not stored and is changed only by configuration.
 */
@Service
class UserAdministration {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionalOperator transaction;
    private final SignedInUsers signedIn;
    private final String configuredAdmin;
    private final AuditTrail audit;

    UserAdministration(
            UserRepository users,
            PasswordEncoder encoder,
            TransactionalOperator transaction,
            SignedInUsers signedIn,
            @Value("${railcast.security.admin-user:admin}") String configuredAdmin,
            AuditTrail audit) {
        this.users = users;
        this.encoder = encoder;
        this.transaction = transaction;
        this.signedIn = signedIn;
        this.configuredAdmin = configuredAdmin;
        this.audit = audit;
    }

    /** Enables, disables or gives another role to {@code username}; refused as a {@link UserRefusal}. */
    Mono<StoredUser> change(String username, UserChange change) {
        List<FieldProblem> problems = new ArrayList<>();
        if (change.enabled() == null && change.role() == null) {
            problems.add(FieldProblem.of("enabled", "give enabled, role or both"));
        }
        Role role = change.role() == null ? null : UserService.role(change.role(), problems);
        if (!problems.isEmpty()) {
            return Mono.error(new UserRefusal.InvalidUser(problems));
        }
        if (username.equals(configuredAdmin)) {
            return Mono.error(new UserRefusal.ConfiguredAdministrator(username));
        }
        Mono<StoredUser> steps = users.lockEnabledAdministrators()
                .collectList()
                .flatMap(admins -> users.lock(username)
                        .switchIfEmpty(Mono.error(() -> new UserRefusal.UnknownUser(username)))
                        .flatMap(user -> {
                            Role newRole = role == null ? user.role() : role;
                            boolean enabled = change.enabled() == null ? user.enabled() : change.enabled();
                            if (newRole == user.role() && enabled == user.enabled()) {
                                return Mono.just(user); // nothing to change, nobody to tell
                            }
                            if (!(newRole == Role.ADMIN && enabled) && admins.equals(List.of(username))) {
                                return Mono.error(new UserRefusal.LastAdministrator(username));
                            }
                            String kind = newRole == user.role()
                                    ? (enabled ? "enable" : "disable")
                                    : enabled == user.enabled() ? "role" : "change";
                            return users.update(username, newRole, enabled)
                                    .flatMap(updated -> recorded(kind, user, updated))
                                    .flatMap(updated ->
                                            users.announceChanged(username).thenReturn(updated));
                        }));
        return transaction.transactional(steps).flatMap(user -> recheck(user));
    }

    /** An administrator sets {@code username}'s password; the old one stops working at once. */
    Mono<StoredUser> resetPassword(String username, PasswordReset reset) {
        if (username.equals(configuredAdmin)) {
            return Mono.error(new UserRefusal.ConfiguredAdministrator(username));
        }
        List<FieldProblem> problems = new ArrayList<>();
        PasswordRules.check("password", reset.password(), username, problems);
        if (!problems.isEmpty()) {
            return Mono.error(new UserRefusal.InvalidUser(problems));
        }
        return users.find(username)
                .switchIfEmpty(Mono.error(() -> new UserRefusal.UnknownUser(username)))
                .then(hash(reset.password()))
                .flatMap(hash -> storePassword(username, hash, "password-reset"));
    }

    /** {@code username} changes their own password, proving it with the current one. */
    Mono<StoredUser> changeOwnPassword(String username, OwnPasswordChange change) {
        if (username.equals(configuredAdmin)) {
            return Mono.error(new UserRefusal.ConfiguredAdministrator(username));
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (change.currentPassword() == null || change.currentPassword().isEmpty()) {
            problems.add(FieldProblem.of("currentPassword", "currentPassword is missing"));
        }
        PasswordRules.check("newPassword", change.newPassword(), username, problems);
        if (problems.isEmpty() && change.newPassword().equals(change.currentPassword())) {
            problems.add(FieldProblem.of("newPassword", "newPassword must differ from the current password"));
        }
        if (!problems.isEmpty()) {
            return Mono.error(new UserRefusal.InvalidUser(problems));
        }
        return users.find(username)
                .switchIfEmpty(Mono.error(() -> new UserRefusal.UnknownUser(username)))
                .publishOn(Schedulers.boundedElastic()) // BCrypt: tens of ms, off the event loop
                .flatMap(user -> {
                    if (!encoder.matches(change.currentPassword(), user.passwordHash())) {
                        return Mono.error(new UserRefusal.InvalidUser(List.of(FieldProblem.of(
                                "currentPassword", "currentPassword is not the password you sign in with"))));
                    }
                    return Mono.just(encoder.encode(change.newPassword()));
                })
                .flatMap(hash -> storePassword(username, hash, "password-change"));
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<StoredUser> storePassword(String username, String hash, String kind) {
        Mono<StoredUser> steps = users.lock(username)
                .switchIfEmpty(Mono.error(() -> new UserRefusal.UnknownUser(username)))
                .flatMap(before -> users.updatePassword(username, hash)
                        .switchIfEmpty(Mono.error(() -> new UserRefusal.UnknownUser(username)))
                        .flatMap(after -> recorded(kind, before, after)))
                .flatMap(user -> users.announceChanged(username).thenReturn(user));
        return transaction.transactional(steps).flatMap(this::recheck);
    }

    /** Records the change in the history as the API shows a user: the kind tells a password changed, not what to. */
    private Mono<StoredUser> recorded(String kind, StoredUser before, StoredUser after) {
        return audit.record(new AuditedChange(kind, "user", after.username(), UserView.of(before), UserView.of(after)))
                .thenReturn(after);
    }

    /** This instance forgets the old state before the caller hears of the new; the others on the notice. */
    private Mono<StoredUser> recheck(StoredUser user) {
        return signedIn.recheck(user.username()).thenReturn(user);
    }
}
