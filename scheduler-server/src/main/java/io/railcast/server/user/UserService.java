package io.railcast.server.user;

import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageRequest;
import io.railcast.server.system.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Adds and lists users (changes to them: {@link UserAdministration}). Passwords are hashed with BCrypt off the event loop (a hash takes tens of ms). */
@Service
public class UserService {

    /** Not a user's name: the one calling, in {@code /api/v1/users/me/password}. */
    static final String ME = "me";

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final String adminUser;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;

    UserService(
            UserRepository users,
            PasswordEncoder encoder,
            @Value("${railcast.security.admin-user:admin}") String adminUser,
            AuditTrail audit,
            TransactionalOperator transaction) {
        this.users = users;
        this.encoder = encoder;
        this.adminUser = adminUser;
        this.audit = audit;
        this.transaction = transaction;
    }

    Flux<StoredUser> list(@Nullable String text, PageRequest page) {
        return users.find(text, page);
    }

    Mono<StoredUser> get(String username) {
        return users.find(username).switchIfEmpty(Mono.error(() -> new UserRefusal.UnknownUser(username)));
    }

    /**
     * Adds a user, recorded in the history in the same transaction; refused as {@link UserRefusal.InvalidUser} or
     * {@link UserRefusal.DuplicateUser}.
     */
    Mono<StoredUser> add(UserPayload payload) {
        List<FieldProblem> problems = new ArrayList<>();
        String username = payload.username() == null ? null : payload.username().strip();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(FieldProblem.of(
                    "username",
                    "username must be 2-64 characters of a-z, 0-9, '.', '_' and"
                            + " '-', starting with a letter or digit"));
        }
        if (ME.equals(username)) {
            problems.add(FieldProblem.of("username", "username 'me' is reserved: /api/v1/users/me is the caller"));
        }
        String password = payload.password();
        PasswordRules.check("password", password, username, problems);
        Role role = role(payload.role(), problems);
        if (!problems.isEmpty()) {
            return Mono.error(new UserRefusal.InvalidUser(problems));
        }
        if (username.equals(adminUser)) {
            return Mono.error(new UserRefusal.DuplicateUser(username));
        }
        return hash(password)
                .flatMap(hash -> transaction.transactional(users.insert(username, hash, role)
                        .flatMap(created ->
                                created ? users.find(username) : Mono.error(new UserRefusal.DuplicateUser(username)))
                        .flatMap(user -> audit.record(
                                        new AuditedChange("create", "user", username, null, UserView.of(user)))
                                .thenReturn(user))));
    }

    /**
     * Stores a user unless one of that name exists; answers whether it did. For setting up demo users, which are
     * trusted input.
     */
    public Mono<Boolean> create(String username, String password, Role role) {
        if (username.equals(adminUser)) {
            return Mono.just(false);
        }
        return hash(password).flatMap(hash -> users.insert(username, hash, role));
    }

    private Mono<String> hash(String password) {
        return Mono.fromCallable(() -> encoder.encode(password)).subscribeOn(Schedulers.boundedElastic());
    }

    static @Nullable Role role(@Nullable String text, List<FieldProblem> problems) {
        Role role = EnumText.parse(Role.class, text).orElse(null);
        if (role == null) {
            problems.add(FieldProblem.of(
                    "role",
                    "role must be one of " + List.of(Role.values()) + ", got "
                            + (text == null ? "nothing" : TextRules.quote(text))));
        }
        return role;
    }
}
