package io.railcast.server.console;

import io.railcast.server.system.SignInRefusedException;
import io.railcast.server.user.SingleSignOnUsers;
import java.net.URI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.DelegatingServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * The console's own security chain, tried before the API's catch-all HTTP Basic chain: a sign-in form at
 * {@code /console/login}, the signed-in user kept in the server's web session, CSRF protection by the double-submit
 * cookie {@code XSRF-TOKEN} (the pages echo it as {@code X-XSRF-TOKEN}). The API behind {@code /console/api/v1/**}
 * gets the same role rules as {@code /api/v1/**}; {@code /api/v1/**} itself is unchanged (Basic, no session).
 * With {@code railcast.sso.enabled}, OpenID Connect sign-in beside the form ({@link ConsoleSingleSignOn}).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    static final String LOGIN = "/console/login";

    private static final String ADMIN = "ADMIN";
    private static final String PLANNER = "PLANNER";
    private static final String CSR = "CSR";
    private static final String OPERATOR = "OPERATOR";
    private static final ServerRedirectStrategy REDIRECT = new DefaultServerRedirectStrategy();

    @Bean
    @Order(0)
    SecurityWebFilterChain consoleSecurityWebFilterChain(
            ServerHttpSecurity http,
            ObjectProvider<ReactiveClientRegistrationRepository> singleSignOn,
            ObjectProvider<SingleSignOnUsers> singleSignOnUsers) {
        ServerWebExchangeMatcher api =
                ServerWebExchangeMatchers.pathMatchers("/console/api/**", "/console/session", "/console/psa-floors");
        var entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(api, new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED)));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint(LOGIN));
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        // the pages are same-origin; no other site has a reason to make the browser send it
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        RedirectServerLogoutSuccessHandler loggedOut = new RedirectServerLogoutSuccessHandler();
        loggedOut.setLogoutSuccessUrl(URI.create(LOGIN + "?logout"));
        var signedIn = new DelegatingServerAuthenticationSuccessHandler(
                rotateCsrfToken(csrfTokens), new RedirectServerAuthenticationSuccessHandler("/console/"));
        ReactiveClientRegistrationRepository registrations = singleSignOn.getIfAvailable();
        if (registrations != null) {
            ConsoleSingleSignOn.configure(http, registrations, singleSignOnUsers.getObject(), signedIn);
        }
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/console", "/console/**", "/webjars/**"))
                .authorizeExchange(exchanges -> exchanges
                        // the sign-in form and the pages' scripts and styles hold no data
                        .pathMatchers(LOGIN, "/console/css/**", "/console/js/**", "/webjars/**")
                        .permitAll()
                        .pathMatchers(HttpMethod.POST, "/console/api/v1/users/me/password")
                        .authenticated()
                        .pathMatchers(
                                "/console/api/v1/users",
                                "/console/api/v1/users/**",
                                "/console/api/v1/sign-in-lockouts",
                                "/console/api/v1/sign-in-lockouts/**")
                        .hasRole(ADMIN)
                        .pathMatchers("/console/api/v1/audit", "/console/api/v1/audit/**")
                        .hasAnyRole(ADMIN, OPERATOR)
                        .pathMatchers(HttpMethod.GET, "/console/api/v1/**")
                        .authenticated()
                        .pathMatchers(HttpMethod.HEAD, "/console/api/v1/**")
                        .authenticated()
                        .pathMatchers(
                                "/console/api/v1/campaigns",
                                "/console/api/v1/campaigns/**",
                                "/console/api/v1/holds",
                                "/console/api/v1/holds/**",
                                "/console/api/v1/creatives",
                                "/console/api/v1/creatives/**")
                        .hasAnyRole(ADMIN, PLANNER, CSR)
                        .pathMatchers("/console/api/v1/takeovers", "/console/api/v1/takeovers/**")
                        .hasAnyRole(ADMIN, OPERATOR, CSR)
                        .pathMatchers("/console/api/v1/**")
                        .hasRole(ADMIN)
                        .anyExchange()
                        .authenticated())
                .formLogin(form -> form.loginPage(LOGIN)
                        .authenticationSuccessHandler(signedIn)
                        .authenticationFailureHandler(ConsoleSecurityConfiguration::signInFailed))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessHandler(loggedOut))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler()))
                .addFilterAfter(issueCsrfCookie(), SecurityWebFiltersOrder.CSRF)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.FORBIDDEN)))
                .build();
    }

    /**
     * A token that was known before sign-in (to a page someone else left open, a fixed cookie) must not keep working
     * after it: issue a new one with the session.
     */
    private static ServerAuthenticationSuccessHandler rotateCsrfToken(ServerCsrfTokenRepository tokens) {
        return (filterExchange, authentication) -> {
            ServerWebExchange exchange = filterExchange.getExchange();
            return tokens.generateToken(exchange).flatMap(token -> tokens.saveToken(exchange, token));
        };
    }

    /**
     * Back to the form, which shows why: {@code ?locked=<seconds>} when a lockout refused the sign-in unchecked
     * (the API's 429), {@code ?error} for anything else, without saying whether the user exists.
     */
    private static Mono<Void> signInFailed(WebFilterExchange exchange, AuthenticationException failure) {
        String page = failure instanceof SignInRefusedException refused
                ? LOGIN + "?locked=" + refused.retryAfterSeconds()
                : LOGIN + "?error";
        return REDIRECT.sendRedirect(exchange.getExchange(), URI.create(page));
    }

    /**
     * The CSRF token is made lazily, and its cookie written only once something asks for it: ask on every console
     * response, so that static pages always find {@code XSRF-TOKEN} to echo.
     */
    private static WebFilter issueCsrfCookie() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
            return token.then(chain.filter(exchange));
        };
    }
}
