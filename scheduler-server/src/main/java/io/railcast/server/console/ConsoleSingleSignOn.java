package io.railcast.server.console;

import io.railcast.server.user.SingleSignOnProperties;
import io.railcast.server.user.SingleSignOnUsers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeReactiveAuthenticationManager;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The console's "Sign in with ..." through OpenID Connect, when {@code railcast.sso.enabled}: Spring Security's
 * {@code oauth2Login} on the console's chain, under the console's paths ({@value #START} sends the browser to the
 * provider, which sends it back to {@code /console/login/oauth2/code/sso}), into the same web session as the password
 * form. A sign-in that RailCast refuses (no mapped role, a disabled or unknown user) is answered 403 with a page
 * that says why; any other failure (the provider's error, a stale state) goes back to the form.
 */
final class ConsoleSingleSignOn {

    static final String START = "/console/oauth2/authorization/" + SingleSignOnProperties.REGISTRATION;

    private ConsoleSingleSignOn() {}

    static void configure(
            ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations,
            SingleSignOnUsers users,
            ServerAuthenticationSuccessHandler signedIn) {
        http.oauth2Login(login -> login.clientRegistrationRepository(registrations)
                .authorizedClientRepository(new WebSessionServerOAuth2AuthorizedClientRepository())
                .authorizationRequestResolver(new DefaultServerOAuth2AuthorizationRequestResolver(
                        registrations,
                        new PathPatternParserServerWebExchangeMatcher(
                                "/console/oauth2/authorization/{registrationId}")))
                .authenticationMatcher(
                        new PathPatternParserServerWebExchangeMatcher("/console/login/oauth2/code/{registrationId}"))
                .authenticationManager(new OidcAuthorizationCodeReactiveAuthenticationManager(
                        new WebClientReactiveAuthorizationCodeTokenResponseClient(), users))
                .authenticationSuccessHandler(signedIn)
                .authenticationFailureHandler(ConsoleSingleSignOn::failed));
    }

    private static Mono<Void> failed(WebFilterExchange exchange, AuthenticationException failure) {
        if (failure instanceof OAuth2AuthenticationException refused
                && refused.getError().getErrorCode().startsWith(SingleSignOnUsers.REFUSED)) {
            return refusedPage(
                    exchange.getExchange().getResponse(), refused.getError().getDescription());
        }
        return new DefaultServerRedirectStrategy()
                .sendRedirect(exchange.getExchange(), URI.create(ConsoleSecurityConfiguration.LOGIN + "?error"));
    }

    private static Mono<Void> refusedPage(ServerHttpResponse response, String why) {
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>RailCast: no access</title><link rel="stylesheet" href="/console/css/console.css"></head>
                <body class="login-page"><main class="card login">
                <h1>无权访问 · No access</h1>
                <p class="error">%s</p>
                <p lang="zh-CN">身份提供方已确认您的身份，但 RailCast 未授予此账号访问权限。请联系管理员。</p>
                <p>Your identity provider signed you in, but RailCast gives this account no access. Ask an
                administrator.</p>
                <p><a href="%s">返回登录 · Back to sign-in</a></p>
                </main></body></html>
                """.formatted(HtmlUtils.htmlEscape(why), ConsoleSecurityConfiguration.LOGIN);
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(page.getBytes(StandardCharsets.UTF_8))));
    }
}
