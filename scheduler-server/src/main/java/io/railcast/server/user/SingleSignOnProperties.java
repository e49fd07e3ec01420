package io.railcast.server.user;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional single sign-on to the console through an OpenID Connect provider; off by default, and then nothing of it
 * exists (no endpoints, no button).
 *
 * @param enabled       whether the console offers "Sign in with {@code provider}" beside its password form
 * @param provider      the provider's name on that button; {@code SSO} by default
 * @param issuerUri     the issuer; its {@code /.well-known/openid-configuration} is read once at start
 * @param clientId      RailCast's client id at the provider
 * @param clientSecret  its secret (sent with HTTP Basic to the token endpoint)
 * @param scopes        asked for; {@code openid, profile} by default
 * @param usernameClaim the ID token claim that names the RailCast user (lower-cased); {@code preferred_username}
 * @param rolesClaim    the claim that carries roles, a string or a list of strings; a dotted path
 *                      ({@code realm_access.roles}) walks into nested objects; {@code roles} by default
 * @param roles         which values of that claim give which RailCast role, e.g. {@code roles[railcast-planners]:
 *                      PLANNER}; a token whose values map to none gets no access; ADMIN wins over the others, and
 *                      two roles other than ADMIN are refused as ambiguous (a RailCast user has one role)
 * @param unknownUsers  what a sign-in for a user RailCast does not store does: {@code REFUSE} (the default) or
 *                      {@code CREATE} (stored with the mapped role and a random password nobody knows)
 */
@ConfigurationProperties("railcast.sso")
public record SingleSignOnProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("SSO") String provider,
        @Nullable URI issuerUri,
        @Nullable String clientId,
        @Nullable String clientSecret,
        @DefaultValue({"openid", "profile"}) List<String> scopes,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue Map<String, Role> roles,
        @DefaultValue("REFUSE") UnknownUsers unknownUsers) {

    /** The one client registration's id, in the console's sign-in paths. */
    public static final String REGISTRATION = "sso";

    /** What a sign-in for a user name that RailCast does not store does. */
    public enum UnknownUsers {
        REFUSE,
        CREATE
    }
}
