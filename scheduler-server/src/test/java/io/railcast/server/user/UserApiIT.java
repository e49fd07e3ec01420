package io.railcast.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code /api/v1/users}: administrators add people, who then sign in with their role. */
class UserApiIT extends ServerIntegrationTest {

    @Test
    void addsAUserWhoSignsInWithTheirRole() {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "li.na", "password", "s3cret-pass", "role", "csr"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/users/li.na")
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("CSR")
                .jsonPath("$.password")
                .doesNotExist();
        String hash = sql().queryForObject("select password_hash from users where username = 'li.na'", String.class);
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret-pass");
        assertThat(new BCryptPasswordEncoder().matches("s3cret-pass", hash.substring("{bcrypt}".length())))
                .isTrue();

        var liNa = anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth("li.na", "s3cret-pass"))
                .build();
        liNa.get().uri("/api/v1/versions/current").exchange().expectStatus().isOk();
        liNa.get().uri("/api/v1/users").exchange().expectStatus().isForbidden();
        anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth("li.na", "wrong"))
                .build()
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void letsOnlyAdministratorsManageUsers() {
        as("planner")
                .post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "sneaky", "password", "12345678", "role", "ADMIN"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        as("operator").get().uri("/api/v1/users").exchange().expectStatus().isForbidden();
        assertThat(count("users where username = 'sneaky'")).isZero();
        admin().get()
                .uri("/api/v1/users")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.username == 'planner')].role")
                .isEqualTo("PLANNER");
    }

    @Test
    void refusesABadUserNamingEachFieldAndATakenName() {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "X", "password", "short", "role", "king"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("username")
                .jsonPath("$.errors[1].field")
                .isEqualTo("password")
                .jsonPath("$.errors[2].field")
                .isEqualTo("role");
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "planner", "password", "another-pass", "role", "ADMIN"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("username");
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", USER, "password", "another-pass", "role", "PLANNER"))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
        assertThat(sql().queryForObject("select role from users where username = 'planner'", String.class))
                .isEqualTo("PLANNER");
    }
}
