package io.railcast.server.system;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Health and info are public (load balancers, probes); everything else needs HTTP Basic. For now there is one
 * administrator, configured by {@link AdminUserProperties}, who may call everything; roles come later.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminUserProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JsonMapper jsonMapper) {
        SecurityProblems problems = new SecurityProblems(jsonMapper);
        return http
                .authorizeExchange(exchanges -> exchanges
                        .matchers(EndpointRequest.to("health", "info")).permitAll()
                        .anyExchange().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
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

    @Bean
    MapReactiveUserDetailsService userDetailsService(AdminUserProperties properties, PasswordEncoder encoder) {
        String password = properties.adminPassword();
        String hash;
        if (!StringUtils.hasText(password)) {
            password = generatePassword();
            log.warn("No railcast.security.admin-password configured; generated password for user '{}': {}",
                    properties.adminUser(), password);
            hash = encoder.encode(password);
        } else if (password.startsWith("{bcrypt}")) {
            hash = password;
        } else {
            hash = encoder.encode(password);
        }
        return new MapReactiveUserDetailsService(
                User.withUsername(properties.adminUser()).password(hash).roles("ADMIN").build());
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
