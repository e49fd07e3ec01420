package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class SecurityConfigurationTest {

    private final SecurityConfiguration configuration = new SecurityConfiguration();
    private final PasswordEncoder encoder = configuration.passwordEncoder();

    @Test
    void keepsAConfiguredPasswordOnlyAsABcryptHash() {
        UserDetails admin = admin(new AdminUserProperties("admin", "s3cret"));
        assertThat(admin.getPassword()).startsWith("{bcrypt}").doesNotContain("s3cret");
        assertThat(encoder.matches("s3cret", admin.getPassword())).isTrue();
    }

    @Test
    void acceptsAPasswordConfiguredAlreadyHashed() {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder().encode("s3cret");
        UserDetails admin = admin(new AdminUserProperties("root", hash));
        assertThat(admin.getUsername()).isEqualTo("root");
        assertThat(encoder.matches("s3cret", admin.getPassword())).isTrue();
    }

    @Test
    void generatesAPasswordWhenNoneIsConfigured() {
        UserDetails admin = admin(new AdminUserProperties("admin", null));
        assertThat(encoder.matches("", admin.getPassword())).isFalse();
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
    }

    private UserDetails admin(AdminUserProperties properties) {
        return configuration.administrator(properties, encoder);
    }
}
