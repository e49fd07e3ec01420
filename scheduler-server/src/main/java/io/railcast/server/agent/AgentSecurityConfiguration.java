package io.railcast.server.agent;

import io.railcast.server.agent.token.AgentTokens;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /agent/**} has a security chain of its own, ahead of the API's HTTP Basic one: every call carries its
 * screen's token as {@code Authorization: Bearer}, and the authenticated principal's name is the screen id.
 * A call that names a screen ({@code ?screen=}) must name the token's own: a token installed on the wrong screen
 * is refused with 403 rather than make that screen play another's schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgentProperties.class)
class AgentSecurityConfiguration {

    static final String AGENT_ROLE = "ROLE_AGENT";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityWebFilterChain agentSecurityWebFilterChain(
            ServerHttpSecurity http, AgentTokens tokens, JsonMapper jsonMapper) {
        AgentProblems problems = new AgentProblems(jsonMapper);
        AuthenticationWebFilter bearer = new AuthenticationWebFilter(authenticationManager(tokens));
        bearer.setServerAuthenticationConverter(AgentSecurityConfiguration::bearerToken);
        // a token that could not be checked is no reason for the agent to think it bad: 503, not 401
        bearer.setAuthenticationFailureHandler(
                (filterExchange, failure) -> failure instanceof AuthenticationServiceException
                        ? problems.unavailable(filterExchange.getExchange())
                        : problems.commence(filterExchange.getExchange(), failure));
        bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/agent/**"))
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(AgentSecurityConfiguration::ownScreen))
                .addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .build();
    }

    /** The authenticated agent: named by its screen, with its token's hash (never the token) as credentials. */
    private static ReactiveAuthenticationManager authenticationManager(AgentTokens tokens) {
        return presented -> tokens.screenOf((String) presented.getCredentials())
                .<Authentication>map(screenId -> new PreAuthenticatedAuthenticationToken(
                        screenId,
                        AgentTokens.hash((String) presented.getCredentials()),
                        List.of(new SimpleGrantedAuthority(AGENT_ROLE))))
                .onErrorMap(
                        e -> !(e instanceof AuthenticationException),
                        e -> new AuthenticationServiceException("could not check an agent token", e))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown or revoked agent token")));
    }

    /** The token of {@code Authorization: Bearer <token>}; nothing when the call has no Bearer credentials. */
    private static Mono<Authentication> bearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Mono.empty();
        }
        String token = authorization.substring(7).strip();
        if (!TOKEN.matcher(token).matches()) {
            return Mono.error(new BadCredentialsException("not an agent token"));
        }
        return Mono.just(new PreAuthenticatedAuthenticationToken("agent", token));
    }

    private static Mono<AuthorizationResult> ownScreen(
            Mono<Authentication> authentication, AuthorizationContext context) {
        String named = context.getExchange().getRequest().getQueryParams().getFirst("screen");
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(agent -> agent.getAuthorities().stream().anyMatch(a -> AGENT_ROLE.equals(a.getAuthority()))
                        && (named == null || named.equals(agent.getName())))
                .defaultIfEmpty(false)
                .<AuthorizationResult>map(AuthorizationDecision::new);
    }
}
