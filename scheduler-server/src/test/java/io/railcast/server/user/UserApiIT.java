package io.railcast.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /api/v1/users}: administrators add people, who then sign in with their role; administrators disable them,
 * change their role and reset their password, and people change their own. Each test has users of its own.
 */
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

    @Test
    void disablesAUserWhoseCredentialsStopWorkingAtOnceAndReEnablesThem() {
        addUser("gone.csr", "CSR");
        WebTestClient goneCsr = basic("gone.csr", PASSWORD_OF_OWN_USERS);
        goneCsr.get().uri("/api/v1/versions/current").exchange().expectStatus().isOk(); // remembered for 30 s

        change("gone.csr", Map.of("enabled", false))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enabled")
                .isEqualTo(false)
                .jsonPath("$.role")
                .isEqualTo("CSR");
        goneCsr.get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);

        change("gone.csr", Map.of("enabled", true)).expectStatus().isOk();
        goneCsr.get().uri("/api/v1/versions/current").exchange().expectStatus().isOk();
        assertThat(count("users where username = 'gone.csr' and enabled and changed_at is not null"))
                .isOne();
    }

    @Test
    void changesARoleThatTakesEffectAtOnce() {
        addUser("moved.operator", "OPERATOR");
        WebTestClient moved = basic("moved.operator", PASSWORD_OF_OWN_USERS);
        bookNothing(moved).expectStatus().isForbidden(); // an operator may not book: remembered as one

        change("moved.operator", Map.of("role", "planner"))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.role")
                .isEqualTo("PLANNER");
        bookNothing(moved).expectStatus().isBadRequest(); // a planner may: the empty booking itself is refused
    }

    @Test
    void resetsAPasswordAndTheOldOneFails() {
        addUser("forgetful", "PLANNER");
        basic("forgetful", PASSWORD_OF_OWN_USERS)
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();

        admin().post()
                .uri("/api/v1/users/forgetful/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "a-brand-new-one"))
                .exchange()
                .expectStatus()
                .isNoContent();
        basic("forgetful", PASSWORD_OF_OWN_USERS)
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        basic("forgetful", "a-brand-new-one")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();
        admin().post()
                .uri("/api/v1/users/nobody.here/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "a-brand-new-one"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void changesOwnPasswordOnlyWithTheCurrentOne() {
        addUser("careful", "OPERATOR");
        ownPassword(basic("careful", PASSWORD_OF_OWN_USERS), "not-my-password", "zebra-crossing-9")
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("currentPassword");
        basic("careful", "zebra-crossing-9")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized();

        ownPassword(basic("careful", PASSWORD_OF_OWN_USERS), PASSWORD_OF_OWN_USERS, "pelican-road-42")
                .expectStatus()
                .isNoContent();
        basic("careful", PASSWORD_OF_OWN_USERS)
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        basic("careful", "pelican-road-42")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesWeakPasswordsNamingTheField() {
        addUser("weak.willed", "PLANNER");
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "too.short", "password", "nine-char", "role", "PLANNER"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
        admin().post()
                .uri("/api/v1/users/weak.willed/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("password", "Weak.Willed-2026"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("password")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message).contains("user name"));
        ownPassword(basic("weak.willed", PASSWORD_OF_OWN_USERS), PASSWORD_OF_OWN_USERS, "short")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("newPassword");
        assertThat(count("users where username = 'too.short'")).isZero();
        basic("weak.willed", PASSWORD_OF_OWN_USERS)
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void refusesToLeaveNoEnabledAdministrator() {
        assertThat(count("users where role = 'ADMIN' and enabled"))
                .as("only this test stores administrators (the database is new in every test run)")
                .isZero();
        addUser("sole.admin", "ADMIN");
        WebTestClient soleAdmin = basic("sole.admin", PASSWORD_OF_OWN_USERS);
        for (Map<String, Object> change :
                List.<Map<String, Object>>of(Map.of("enabled", false), Map.of("role", "OPERATOR"))) {
            soleAdmin
                    .patch()
                    .uri("/api/v1/users/sole.admin")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(change)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/last-administrator");
        }
        change("sole.admin", Map.of("enabled", false)).expectStatus().isEqualTo(409);
        assertThat(count("users where username = 'sole.admin' and role = 'ADMIN' and enabled"))
                .isOne();

        addUser("next.admin", "ADMIN");
        soleAdmin
                .patch()
                .uri("/api/v1/users/sole.admin")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "OPERATOR"))
                .exchange()
                .expectStatus()
                .isOk();
        change("next.admin", Map.of("enabled", false)).expectStatus().isEqualTo(409);

        // two administrators demoting each other at once: one wins, the other is then the last and refused
        addUser("third.admin", "ADMIN");
        for (String admin : List.of("next.admin", "third.admin")) {
            // signed in once first: one address checks one unknown user's password at a time (429 otherwise)
            basic(admin, PASSWORD_OF_OWN_USERS)
                    .get()
                    .uri("/api/v1/users")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        CompletableFuture<Integer> nextDemotesThird =
                CompletableFuture.supplyAsync(() -> demote(basic("next.admin", PASSWORD_OF_OWN_USERS), "third.admin"));
        CompletableFuture<Integer> thirdDemotesNext =
                CompletableFuture.supplyAsync(() -> demote(basic("third.admin", PASSWORD_OF_OWN_USERS), "next.admin"));
        // the loser is refused either as the last administrator (409), or, when the winner's demotion of it commits
        // before its own request is authorised, as no administrator any more (403): both leave exactly one
        List<Integer> statuses = List.of(nextDemotesThird.join(), thirdDemotesNext.join());
        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses).filteredOn(status -> status != 200).singleElement().isIn(403, 409);
        assertThat(count("users where role = 'ADMIN' and enabled")).isOne();
    }

    @Test
    void leavesTheConfiguredAdministratorToConfiguration() {
        change(USER, Map.of("enabled", false))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/configured-administrator");
        ownPassword(admin(), PASSWORD, "another-admin-pass").expectStatus().isEqualTo(409);
        admin().get().uri("/api/v1/users").exchange().expectStatus().isOk();
    }

    @Test
    void refusesAChangeThatSaysNothingAndAnUnknownRole() {
        addUser("unchanged", "CSR");
        change("unchanged", Map.of())
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("enabled");
        change("unchanged", Map.of("role", "king"))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
        change("nobody.at.all", Map.of("enabled", false)).expectStatus().isNotFound();
        as("planner")
                .patch()
                .uri("/api/v1/users/unchanged")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(count("users where username = 'unchanged' and enabled and role = 'CSR'"))
                .isOne();
    }

    @Test
    void listsAndLiftsTheLockoutOfAnAddress() {
        addUser("behind.nat", "OPERATOR");
        String address = "198.51.100.95"; // named in X-Forwarded-For, which the test server believes
        for (int i = 0; i < 20; i++) {
            signInFrom(address, "guesser-" + i, "wrong-guess").expectStatus().isUnauthorized();
        }
        signInFrom(address, "behind.nat", PASSWORD_OF_OWN_USERS).expectStatus().isEqualTo(429);
        admin().get()
                .uri("/api/v1/sign-in-lockouts")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.key == '" + address + "')].kind")
                .isEqualTo("address")
                .jsonPath("$[?(@.key == '" + address + "')].failures")
                .isEqualTo(20);
        as("operator")
                .get()
                .uri("/api/v1/sign-in-lockouts")
                .exchange()
                .expectStatus()
                .isForbidden();
        as("operator")
                .delete()
                .uri("/api/v1/sign-in-lockouts/addresses/{address}", address)
                .exchange()
                .expectStatus()
                .isForbidden();

        admin().delete()
                .uri("/api/v1/sign-in-lockouts/addresses/{address}", address)
                .exchange()
                .expectStatus()
                .isNoContent();
        admin().get()
                .uri("/api/v1/sign-in-lockouts")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.key == '" + address + "')]")
                .doesNotExist();
        signInFrom(address, "behind.nat", PASSWORD_OF_OWN_USERS).expectStatus().isOk();
    }

    @Test
    void listsUsersAPageAtATimeFoundByPartOfTheirName() {
        for (String name : List.of("upage-a", "upage-b", "upage-c")) {
            if (count("users where username = '" + name + "'") == 0) {
                addUser(name, "OPERATOR");
            }
        }
        var first = admin().get()
                .uri("/api/v1/users?q=UPAGE-&limit=2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(Map.class)
                .returnResult();
        assertThat(first.getResponseBody()).extracting(u -> u.get("username")).containsExactly("upage-a", "upage-b");
        String link = first.getResponseHeaders().getFirst("Link");
        assertThat(link).contains("q=UPAGE-").contains("rel=\"next\"");
        admin().get()
                .uri(link.substring(1, link.indexOf('>')))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[*].username")
                .isEqualTo(List.of("upage-c"));
        admin().get()
                .uri("/api/v1/users?q={q}&limit=0", "x".repeat(65))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .isEqualTo(List.of("q", "limit"));
    }

    private static final String PASSWORD_OF_OWN_USERS = "own-users-pass";

    private void addUser(String username, String role) {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD_OF_OWN_USERS, "role", role))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private WebTestClient.ResponseSpec signInFrom(String address, String username, String password) {
        return anonymous
                .get()
                .uri("/api/v1/versions/current")
                .headers(h -> {
                    h.setBasicAuth(username, password);
                    h.set("X-Forwarded-For", address);
                })
                .exchange();
    }

    private WebTestClient basic(String username, String password) {
        return anonymous
                .mutate()
                .defaultHeaders(h -> h.setBasicAuth(username, password))
                .build();
    }

    private WebTestClient.ResponseSpec change(String username, Map<String, Object> change) {
        return admin().patch()
                .uri("/api/v1/users/{username}", username)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change)
                .exchange();
    }

    private static WebTestClient.ResponseSpec ownPassword(WebTestClient client, String current, String next) {
        return client.post()
                .uri("/api/v1/users/me/password")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", current, "newPassword", next))
                .exchange();
    }

    private static int demote(WebTestClient admin, String username) {
        return admin.patch()
                .uri("/api/v1/users/{username}", username)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("role", "OPERATOR"))
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    private static WebTestClient.ResponseSpec bookNothing(WebTestClient client) {
        return client.post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange();
    }
}
