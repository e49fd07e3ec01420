package io.railcast.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.railcast.server.RailCastServer;
import io.railcast.server.ServerIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntPredicate;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Users changed through one instance (A, the shared test server), as a second instance (B, started beside it on
 * A's database) sees them. B believes a verified password for an hour, so only the change's notice can make it
 * forget; each test asks B until the notice has arrived, with a deadline.
 */
class UserScaleOutIT extends ServerIntegrationTest {

    private static final String PASSWORD_OF_OWN_USERS = "scale-out-pass";
    private static final Duration NOTICE_DEADLINE = Duration.ofSeconds(10);

    private static ConfigurableApplicationContext instanceB;

    @BeforeEach
    void startInstanceB() {
        if (instanceB == null) {
            String address = ((HikariDataSource) Objects.requireNonNull(sql().getDataSource()))
                    .getJdbcUrl()
                    .substring("jdbc:postgresql://".length());
            instanceB = new SpringApplicationBuilder(RailCastServer.class)
                    .run(
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--spring.r2dbc.url=r2dbc:postgresql://" + address,
                            "--spring.r2dbc.username=postgres",
                            "--spring.datasource.url=jdbc:postgresql://" + address,
                            "--spring.datasource.username=postgres",
                            "--spring.quartz.scheduler-name=railcast-users-b",
                            "--railcast.security.admin-password=" + PASSWORD,
                            "--railcast.planning.horizon-hours=24",
                            "--railcast.media.dir=" + emptyDirectory(Path.of("target", "it-media", "users-b")),
                            // B would believe a password for an hour: only the change's NOTIFY can make it forget
                            "--railcast.sign-in.cache-ttl=1h",
                            // as A: a test names its own address in X-Forwarded-For
                            "--server.forward-headers-strategy=native");
        }
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    void refusesADisabledUserOnEveryInstanceAtOnceBasicAndSessions() {
        addUser("scale.leaver", "PLANNER");
        WebTestClient onA = anonymous;
        WebTestClient onB = client(portOfB());
        String sessionOnA = signIn(onA, "scale.leaver");
        String sessionOnB = signIn(onB, "scale.leaver");
        assertThat(basic(onA, "scale.leaver")).isEqualTo(200);
        assertThat(basic(onB, "scale.leaver")).isEqualTo(200); // B now believes the password for an hour
        assertThat(session(onA, sessionOnA)).isEqualTo(200);
        assertThat(session(onB, sessionOnB)).isEqualTo(200);

        change("scale.leaver", Map.of("enabled", false));

        // A, which made the change, forgot before it answered
        assertThat(basic(onA, "scale.leaver")).isEqualTo(401);
        assertThat(session(onA, sessionOnA)).isEqualTo(401);
        // B forgets when the notice arrives
        assertThat(askUntil(() -> basic(onB, "scale.leaver"), status -> status != 200))
                .isEqualTo(401);
        assertThat(askUntil(() -> session(onB, sessionOnB), status -> status != 200))
                .isEqualTo(401);
    }

    @Test
    void givesEveryInstanceTheNewRole() {
        addUser("scale.mover", "OPERATOR");
        WebTestClient onB = client(portOfB());
        assertThat(bookNothing(onB, "scale.mover")).isEqualTo(403); // remembered on B as an operator

        change("scale.mover", Map.of("role", "PLANNER"));

        // a planner may book: the empty booking itself is refused
        assertThat(askUntil(() -> bookNothing(onB, "scale.mover"), status -> status != 403))
                .isEqualTo(400);
    }

    @Test
    void liftsALockoutOnEveryInstance() {
        addUser("scale.locked", "CSR");
        WebTestClient onB = client(portOfB());
        for (int i = 0; i < 5; i++) {
            assertThat(basicFrom(onB, "scale.locked", "guess-" + i)).isEqualTo(401);
        }
        assertThat(basicFrom(onB, "scale.locked", PASSWORD_OF_OWN_USERS)).isEqualTo(429);
        onB.get()
                .uri("/api/v1/sign-in-lockouts")
                .headers(h -> h.setBasicAuth(USER, PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.key == 'scale.locked')].kind")
                .isEqualTo("user");
        // counted in B's memory alone: A has not seen these failures
        admin().get()
                .uri("/api/v1/sign-in-lockouts")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.key == 'scale.locked')]")
                .doesNotExist();

        admin().delete()
                .uri("/api/v1/sign-in-lockouts/users/scale.locked")
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(askUntil(() -> basicFrom(onB, "scale.locked", PASSWORD_OF_OWN_USERS), status -> status != 429))
                .isEqualTo(200);
    }

    @Test
    void letsAConsoleUserChangeTheirOwnPasswordWhichHoldsOnEveryInstance() {
        addUser("scale.console", "CSR");
        Console console = console(anonymous, "scale.console");
        WebTestClient onB = client(portOfB());
        assertThat(basic(onB, "scale.console")).isEqualTo(200); // B believes the old password for an hour

        anonymous
                .post()
                .uri("/console/api/v1/users/me/password")
                .cookie("SESSION", console.session())
                .cookie("XSRF-TOKEN", console.csrf())
                .header("X-XSRF-TOKEN", console.csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD_OF_OWN_USERS, "newPassword", "platform-nine-3"))
                .exchange()
                .expectStatus()
                .isNoContent();

        assertThat(session(anonymous, console.session())).as("signs in again").isEqualTo(401);
        assertThat(askUntil(() -> basic(onB, "scale.console"), status -> status != 200))
                .isEqualTo(401);
        onB.get()
                .uri("/api/v1/versions/current")
                .headers(h -> h.setBasicAuth("scale.console", "platform-nine-3"))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** Asks until the answer passes {@code done}, for at most {@link #NOTICE_DEADLINE}; answers the last status. */
    private static int askUntil(IntSupplier ask, IntPredicate done) {
        long deadline = System.nanoTime() + NOTICE_DEADLINE.toNanos();
        int status;
        do {
            status = ask.getAsInt();
        } while (!done.test(status) && System.nanoTime() < deadline);
        return status;
    }

    private void addUser(String username, String role) {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD_OF_OWN_USERS, "role", role))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private void change(String username, Map<String, Object> change) {
        admin().patch()
                .uri("/api/v1/users/{username}", username)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private static int basic(WebTestClient client, String username) {
        return client.get()
                .uri("/api/v1/versions/current")
                .headers(h -> h.setBasicAuth(username, PASSWORD_OF_OWN_USERS))
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    /** From an address of this test's own, so that the loopback address other tests use is never locked out. */
    private static int basicFrom(WebTestClient client, String username, String password) {
        return client.get()
                .uri("/api/v1/versions/current")
                .headers(h -> {
                    h.setBasicAuth(username, password);
                    h.set("X-Forwarded-For", "198.51.100.90");
                })
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    private static int bookNothing(WebTestClient client, String username) {
        return client.post()
                .uri("/api/v1/campaigns")
                .headers(h -> h.setBasicAuth(username, PASSWORD_OF_OWN_USERS))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of())
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    private static int session(WebTestClient client, String session) {
        return client.get()
                .uri("/console/session")
                .cookie("SESSION", session)
                .exchange()
                .returnResult(Void.class)
                .getStatus()
                .value();
    }

    /** Signs in through the console's form; answers the session cookie. */
    private static String signIn(WebTestClient client, String username) {
        return console(client, username).session();
    }

    /** Signs in through the console's form; answers its session and CSRF token. */
    private static Console console(WebTestClient client, String username) {
        ResponseCookie csrf = client.get()
                .uri("/console/login")
                .exchange()
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", PASSWORD_OF_OWN_USERS);
        form.add("_csrf", csrf.getValue());
        MultiValueMap<String, ResponseCookie> cookies = client.post()
                .uri("/console/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .body(BodyInserters.fromFormData(form))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/")
                .returnResult(Void.class)
                .getResponseCookies();
        ResponseCookie session = cookies.getFirst("SESSION");
        ResponseCookie rotated = cookies.getFirst("XSRF-TOKEN"); // a new token comes with the session
        assertThat(session).isNotNull();
        assertThat(rotated).isNotNull();
        return new Console(session.getValue(), rotated.getValue());
    }

    private record Console(String session, String csrf) {}

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60))
                .build();
    }

    private static int portOfB() {
        return Integer.parseInt(
                Objects.requireNonNull(instanceB.getEnvironment().getProperty("local.server.port")));
    }
}
