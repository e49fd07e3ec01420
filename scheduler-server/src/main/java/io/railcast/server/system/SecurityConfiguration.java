package io.railcast.server.system;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.StringUtils;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health and info are public (load balancers, probes), and so is the OpenAPI document (it holds no data);
 * everything else needs HTTP Basic. The administrator
 * configured by {@link AdminUserProperties} may call everything; further users come from {@link UserDirectory}
 * beans, each with one role:
 *
 * <ul>
 *   <li>every signed-in user may read ({@code GET}) the API;</li>
 *   <li>PLANNER and CSR may upload creatives and book campaigns (which kinds, the campaign feature decides);</li>
 *   <li>OPERATOR only reads, except that OPERATOR and CSR start and cancel emergency takeovers;</li>
 *   <li>ADMIN, OPERATOR and PLANNER start a make-good run and read what is owed and placed ({@code /api/v1/make-goods});</li>
 *   <li>ADMIN also manages users, sign-in lockouts and the network;</li>
 *   <li>only ADMIN and OPERATOR read the history ({@code /api/v1/audit});</li>
 *   <li>everyone may change their own password ({@code POST /api/v1/users/me/password}).</li>
 * </ul>
 *
 * Passwords, the API's and the console form's, are checked by {@link SignInAuthentication}: remembered briefly once
 * right, and refused unchecked (429) for a user or an address with too many failures ({@link SignInLimits}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AdminUserProperties.class, SignInProperties.class})
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String ADMIN = "ADMIN";
    static final String PLANNER = "PLANNER";
    static final String CSR = "CSR";
    static final String OPERATOR = "OPERATOR";

    /**
     * The catch-all chain, ordered last: a feature that needs other rules for its own paths (the agent protocol
     * under {@code /agent/**}) declares a chain of its own with a {@code securityMatcher}, which is tried first.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JsonMapper jsonMapper) {
        SecurityProblems problems = new SecurityProblems(jsonMapper);
        return http.authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.to("health", "info"))
                        .permitAll()
                        .pathMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                        .permitAll()
                        // the one public static file (classpath:/static), also the baseline of scripts/bench-server
                        .pathMatchers(HttpMethod.GET, "/robots.txt")
                        .permitAll()
                        // everyone changes their own password; the rest of the users and the sign-in lockouts are
                        // the administrators' (lockouts name user names and addresses: not for everyone to read)
                        .pathMatchers(HttpMethod.POST, "/api/v1/users/me/password")
                        .authenticated()
                        .pathMatchers(
                                "/api/v1/users",
                                "/api/v1/users/**",
                                "/api/v1/sign-in-lockouts",
                                "/api/v1/sign-in-lockouts/**")
                        .hasRole(ADMIN)
                        // the history names people, addresses and every object's past: those who run the network
                        .pathMatchers("/api/v1/audit", "/api/v1/audit/**")
                        .hasAnyRole(ADMIN, OPERATOR)
                        .pathMatchers(HttpMethod.GET, "/api/v1/**")
                        .authenticated()
                        .pathMatchers(HttpMethod.HEAD, "/api/v1/**")
                        .authenticated()
                        .pathMatchers(
                                "/api/v1/campaigns",
                                "/api/v1/campaigns/**",
                                "/api/v1/holds",
                                "/api/v1/holds/**",
                                "/api/v1/creatives",
                                "/api/v1/creatives/**")
                        .hasAnyRole(ADMIN, PLANNER, CSR)
                        // an emergency takes over screens: operations and the CSR team act on it
                        .pathMatchers("/api/v1/takeovers", "/api/v1/takeovers/**")
                        .hasAnyRole(ADMIN, OPERATOR, CSR)
                        // owed plays are counted and made good for the planners, on the operators' watch
                        .pathMatchers("/api/v1/make-goods", "/api/v1/make-goods/**")
                        .hasAnyRole(ADMIN, OPERATOR, PLANNER)
                        .pathMatchers("/api/v1/**")
                        .hasRole(ADMIN)
                        .anyExchange()
                        .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // an API for machines and scripts with Basic credentials on every call: no session, no form, no CSRF
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .build();
    }

    /** Encodes with BCrypt ({@code {bcrypt}...}) and can still read hashes made by other encoders later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Failed sign-ins per user and address, and the lockouts they cause; one per instance. */
    @Bean
    SignInLimits signInLimits(SignInProperties settings, Clock clock) {
        return new SignInLimits(settings, clock);
    }

    /**
     * Used by every chain that checks passwords (the API's HTTP Basic, the console's form): Spring Security takes
     * a {@link ReactiveAuthenticationManager} bean in place of the one it would build from the user details.
     */
    @Bean
    SignInAuthentication signInAuthentication(
            ReactiveUserDetailsService users,
            PasswordEncoder encoder,
            SignInLimits limits,
            SignInProperties settings,
            MeterRegistry meters) {
        return new SignInAuthentication(users, encoder, limits, settings, meters);
    }

    /** What this instance remembers of signed-in users, for the feature that changes users to recheck. */
    @Bean
    SignedInUsers signedInUsers(
            SignInAuthentication authentication,
            ReactiveUserDetailsService users,
            ObjectProvider<WebSessionManager> sessionManager) {
        return new SignedInUsers(authentication, users, sessionManager);
    }

    /** The configured administrator first, then every {@link UserDirectory} in order. */
    @Bean
    ReactiveUserDetailsService userDetailsService(
            AdminUserProperties properties, PasswordEncoder encoder, ObjectProvider<UserDirectory> directories) {
        UserDetails admin = administrator(properties, encoder);
        List<UserDirectory> stored = directories.orderedStream().toList();
        return username -> {
            if (admin.getUsername().equals(username)) {
                return Mono.just(User.withUserDetails(admin).build());
            }
            return Flux.fromIterable(stored)
                    .concatMap(directory -> directory.findByUsername(username))
                    .next();
        };
    }

    UserDetails administrator(AdminUserProperties properties, PasswordEncoder encoder) {
        String password = properties.adminPassword();
        String hash;
        if (!StringUtils.hasText(password)) {
            password = generatePassword();
            log.warn(
                    "No railcast.security.admin-password configured; generated password for user '{}': {}",
                    properties.adminUser(),
                    password);
            hash = encoder.encode(password);
        } else if (password.startsWith("{bcrypt}")) {
            hash = password;
        } else {
            hash = encoder.encode(password);
        }
        return User.withUsername(properties.adminUser())
                .password(hash)
                .roles(ADMIN)
                .build();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
