package io.railcast.server.user;

import io.railcast.server.audit.AuditTrail;
import io.railcast.server.system.SignedInUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * {@link SingleSignOnProperties} always; the provider's registration and {@link SingleSignOnUsers} only with
 * {@code railcast.sso.enabled=true}, for the console's security chain to sign in with.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SingleSignOnProperties.class)
class SingleSignOnConfiguration {

    /** Where the provider sends the browser back to, under the console's own paths. */
    static final String REDIRECT_URI = "{baseUrl}/console/login/oauth2/code/{registrationId}";

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("railcast.sso.enabled")
    static class Enabled {

        /** Reads the provider's discovery document once, at start: a wrong issuer stops the start, saying so. */
        @Bean
        ReactiveClientRegistrationRepository singleSignOnRegistrations(SingleSignOnProperties settings) {
            if (settings.issuerUri() == null || settings.clientId() == null) {
                throw new IllegalStateException(
                        "railcast.sso.enabled=true needs railcast.sso.issuer-uri and railcast.sso.client-id");
            }
            if (settings.roles().isEmpty()) {
                throw new IllegalStateException("railcast.sso.roles maps no value of the claim '"
                        + settings.rolesClaim() + "' to a RailCast role: nobody could sign in");
            }
            ClientRegistration registration = ClientRegistrations.fromIssuerLocation(
                            settings.issuerUri().toString())
                    .registrationId(SingleSignOnProperties.REGISTRATION)
                    .clientName(settings.provider())
                    .clientId(settings.clientId())
                    .clientSecret(settings.clientSecret())
                    // without a secret, a public client (the code is then guarded by PKCE)
                    .clientAuthenticationMethod(
                            settings.clientSecret() == null
                                    ? ClientAuthenticationMethod.NONE
                                    : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(REDIRECT_URI)
                    .scope(settings.scopes())
                    .userNameAttributeName(settings.usernameClaim())
                    .build();
            return new InMemoryReactiveClientRegistrationRepository(registration);
        }

        @Bean
        SingleSignOnUsers singleSignOnUsers(
                SingleSignOnProperties settings,
                UserRepository users,
                PasswordEncoder encoder,
                TransactionalOperator transaction,
                SignedInUsers signedIn,
                AuditTrail audit,
                @Value("${railcast.security.admin-user:admin}") String configuredAdmin) {
            return new SingleSignOnUsers(
                    new OidcReactiveOAuth2UserService(),
                    settings,
                    users,
                    encoder,
                    transaction,
                    signedIn,
                    audit,
                    configuredAdmin);
        }
    }
}
