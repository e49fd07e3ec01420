package io.railcast.server.user;

import io.railcast.server.audit.AuditSource;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.SignedInUsers;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a user the provider signed in into a RailCast user, or refuses them with an {@link OAuth2AuthenticationException}
 * whose error code starts with {@value #REFUSED} (the console answers those with 403 and says why). The ID token
 * names the user ({@code usernameClaim}) and carries the role ({@code rolesClaim}, mapped); then, in one transaction:
 * a user RailCast does not store is created or refused ({@code unknownUsers}); a disabled user is refused, whatever
 * the provider says; a stored role that differs from the token's is changed to it (recorded in the history and
 * announced like an administrator's change, and never demoting the last enabled administrator). The signed-in user
 * has exactly the stored role, so disabling them or changing their role ends their session at once, as for a password
 * sign-in ({@link SignedInUsers}).
 */
public final class SingleSignOnUsers implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    /** The prefix of the error codes of RailCast's own refusals. */
    public static final String REFUSED = "railcast_";

    private static final Logger log = LoggerFactory.getLogger(SingleSignOnUsers.class);
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final SingleSignOnProperties settings;
    private final SingleSignOnRoles roles;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionalOperator transaction;
    private final SignedInUsers signedIn;
    private final AuditTrail audit;
    private final String configuredAdmin;

    SingleSignOnUsers(
            ReactiveOAuth2UserService<OidcUserRequest, OidcUser> provider,
            SingleSignOnProperties settings,
            UserRepository users,
            PasswordEncoder encoder,
            TransactionalOperator transaction,
            SignedInUsers signedIn,
            AuditTrail audit,
            String configuredAdmin) {
        this.provider = provider;
        this.settings = settings;
        this.roles = new SingleSignOnRoles(settings.rolesClaim(), settings.roles());
        this.users = users;
        this.encoder = encoder;
        this.transaction = transaction;
        this.signedIn = signedIn;
        this.audit = audit;
        this.configuredAdmin = configuredAdmin;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return provider.loadUser(request).flatMap(user -> {
            Object claimed = user.getClaims().get(settings.usernameClaim());
            String username = claimed == null ? "" : claimed.toString().strip().toLowerCase(Locale.ROOT);
            if (!USERNAME.matcher(username).matches() || username.equals(configuredAdmin)) {
                return refuse(
                        "invalid_username",
                        username,
                        "the claim '" + settings.usernameClaim()
                                + "' does not name a user RailCast can have (2-64 of a-z, 0-9, '.', '_', '-')");
            }
            return roles.role(user.getClaims())
                    .map(role -> admit(username, role).map(stored -> signedIn(user, stored)))
                    .orElseGet(() -> refuse(
                            "no_role",
                            username,
                            "the claim '" + roles.claim() + "' ("
                                    + roles.values(user.getClaims()) + ") maps to no RailCast role"
                                    + (roles.mapped(user.getClaims()).isEmpty() ? "" : " but to more than one")));
        });
    }

    private Mono<StoredUser> admit(String username, Role role) {
        Mono<StoredUser> steps = users.lockEnabledAdministrators()
                .collectList()
                .flatMap(admins -> users.lock(username)
                        .switchIfEmpty(Mono.defer(() -> create(username, role)))
                        .flatMap(user -> {
                            if (!user.enabled()) {
                                return refuse("disabled", username, "the user is disabled in RailCast");
                            }
                            if (user.role() == role) {
                                return Mono.just(user);
                            }
                            if (admins.equals(List.of(username))) {
                                return refuse(
                                        "last_administrator",
                                        username,
                                        "the provider gives role " + role + " to the last enabled administrator");
                            }
                            return users.update(username, role, true)
                                    .flatMap(after -> record(username, "role", UserView.of(user), after))
                                    .flatMap(after ->
                                            users.announceChanged(username).thenReturn(after));
                        }));
        return transaction
                .transactional(steps)
                .flatMap(user -> signedIn.recheck(username).thenReturn(user));
    }

    private Mono<StoredUser> create(String username, Role role) {
        if (settings.unknownUsers() != SingleSignOnProperties.UnknownUsers.CREATE) {
            return refuse(
                    "unknown_user",
                    username,
                    "RailCast has no such user and railcast.sso.unknown-users" + " is REFUSE");
        }
        return Mono.fromCallable(SingleSignOnUsers::unknowablePassword)
                .map(encoder::encode)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(hash -> users.insert(username, hash, role))
                .then(users.lock(username))
                .flatMap(user -> record(username, "create", null, user));
    }

    private Mono<StoredUser> record(String username, String kind, @Nullable Object before, StoredUser after) {
        AuditedChange change = new AuditedChange(kind, "user", username, before, UserView.of(after));
        return audit.source()
                .map(source -> new AuditSource(username, source.address()))
                .flatMap(source -> audit.record(source, change))
                .thenReturn(after);
    }

    private SignedInUser signedIn(OidcUser user, StoredUser stored) {
        log.info("'{}' signed in through {} as {}", stored.username(), settings.provider(), stored.role());
        return new SignedInUser(user, stored);
    }

    private <T> Mono<T> refuse(String code, String username, String why) {
        log.warn("Single sign-on of '{}' through {} refused: {}", username, settings.provider(), why);
        String description = "Signed in at " + settings.provider() + " as '" + username + "', but " + why + ".";
        return Mono.error(new OAuth2AuthenticationException(new OAuth2Error(REFUSED + code, description, null)));
    }

    private static String unknowablePassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The provider's user, named and granted as the stored RailCast user. */
    private static final class SignedInUser extends DefaultOidcUser {

        private static final long serialVersionUID = 1L;
        private final String username;

        SignedInUser(OidcUser user, StoredUser stored) {
            super(
                    List.of(new SimpleGrantedAuthority("ROLE_" + stored.role().name())),
                    user.getIdToken(),
                    user.getUserInfo());
            this.username = stored.username();
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
