package io.railcast.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerClients;
import io.railcast.server.SmallDemoServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

/**
 * Single sign-on through a real OpenID Connect provider ({@link TestIssuer}, started here): the console's button
 * sends the browser to the provider, whose sign-in form sends it back with a code; RailCast redeems the code, checks
 * the signed ID token, and signs in the user with the role its {@code groups} claim maps to, or refuses with 403. A
 * server of its own (SSO enabled, unknown users created), on its own database.
 */
@SmallDemoServer
@TestPropertySource(
        properties = {
            "spring.quartz.scheduler-name=railcast-sso-it",
            "railcast.sso.enabled=true",
            "railcast.sso.provider=Test Issuer",
            "railcast.sso.client-id=" + TestIssuer.CLIENT_ID,
            "railcast.sso.client-secret=" + TestIssuer.CLIENT_SECRET,
            "railcast.sso.roles-claim=groups",
            "railcast.sso.roles[rc-planners]=PLANNER",
            "railcast.sso.roles[rc-operations]=OPERATOR",
            "railcast.sso.unknown-users=create"
        })
class SingleSignOnIT extends ServerClients {

    private static final TestIssuer ISSUER = new TestIssuer();
    private static final Path DATA_DIR = emptyDirectory(Path.of("target", "it-postgres", "sso"));
    private static final Path MEDIA_DIR = emptyDirectory(Path.of("target", "it-media", "sso"));
    private static final HttpClient BROWSER = HttpClient.newHttpClient(); // follows no redirects by default

    @DynamicPropertySource
    static void ownDatabaseAndIssuer(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
        registry.add("railcast.media.dir", MEDIA_DIR::toString);
        registry.add("railcast.sso.issuer-uri", ISSUER::uri);
    }

    @AfterAll
    static void stopIssuer() {
        ISSUER.close();
    }

    @Test
    void signInFormOffersTheProvider() {
        String page = anonymous
                .get()
                .uri("/console/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page).contains("href=\"/console/oauth2/authorization/sso\"").contains("Sign in with Test Issuer");
    }

    @Test
    void createsAnUnknownUserWithTheRoleTheClaimMapsTo() {
        ISSUER.user("sso.planner", List.of("staff", "rc-planners"));
        String session = signedIn(signIn("sso.planner"));
        anonymous
                .get()
                .uri("/console/session")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("sso.planner")
                .jsonPath("$.roles")
                .isEqualTo(List.of("PLANNER"))
                .jsonPath("$.bookCommercial")
                .isEqualTo(true);
        // an API read that answers 200 at once on this server of its own: the current version is 404 until its
        // first plan is published, which a fast sign-in can beat
        anonymous
                .get()
                .uri("/console/api/v1/campaigns")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(count("users where username = 'sso.planner' and role = 'PLANNER' and enabled"))
                .isOne();
        assertThat(count("audit_log where object_id = 'sso.planner' and kind = 'create' and username = 'sso.planner'"))
                .isOne();
    }

    @Test
    void storedRoleFollowsTheProviderAndDisablingEndsTheSessionAtOnce() {
        addUser("sso.operator", "PLANNER");
        ISSUER.user("sso.operator", List.of("rc-operations"));
        String session = signedIn(signIn("sso.operator"));
        assertThat(count("users where username = 'sso.operator' and role = 'OPERATOR'"))
                .isOne();
        anonymous
                .get()
                .uri("/console/api/v1/audit")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk();
        admin().patch()
                .uri("/api/v1/users/sso.operator")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isOk();
        anonymous
                .get()
                .uri("/console/session")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void refusesAUserDisabledInRailCastWhomTheProviderSignsIn() {
        addUser("sso.disabled", "OPERATOR");
        admin().patch()
                .uri("/api/v1/users/sso.disabled")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus()
                .isOk();
        ISSUER.user("sso.disabled", List.of("rc-operations"));
        EntityExchangeResult<String> refused = signIn("sso.disabled");
        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(refused.getResponseBody()).contains("No access").contains("disabled in RailCast");
        assertNoSession(refused);
    }

    @Test
    void refusesAnIdTokenWithoutAMappedRole() {
        ISSUER.user("sso.nobody", List.of("staff", "canteen"));
        EntityExchangeResult<String> refused = signIn("sso.nobody");
        assertThat(refused.getStatus().value()).isEqualTo(403);
        assertThat(refused.getResponseHeaders().getContentType()).isNotNull();
        assertThat(refused.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
                .isTrue();
        assertThat(refused.getResponseBody()).contains("groups").contains("maps to no RailCast role");
        assertNoSession(refused);
        assertThat(count("users where username = 'sso.nobody'")).isZero();
    }

    /**
     * The browser's way through: the console's button, the provider's sign-in form submitted for {@code username},
     * and back to the console with the code; answers the console's last answer.
     */
    private EntityExchangeResult<String> signIn(String username) {
        EntityExchangeResult<Void> start = anonymous
                .get()
                .uri("/console/oauth2/authorization/sso")
                .exchange()
                .expectStatus()
                .isFound()
                .expectBody()
                .isEmpty();
        URI authorize = start.getResponseHeaders().getLocation();
        assertThat(authorize).isNotNull();
        assertThat(authorize.toString()).startsWith(ISSUER.uri() + "/authorize?");
        String session = start.getResponseCookies().getFirst("SESSION").getValue();
        Map<String, String> form = TestIssuer.query(authorize);
        form.put("username", username);
        URI back = submit(authorize, form);
        return anonymous
                .get()
                .uri(back)
                .cookie("SESSION", session)
                .exchange()
                .expectBody(String.class)
                .returnResult();
    }

    private static URI submit(URI authorize, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest post = HttpRequest.newBuilder(URI.create(ISSUER.uri() + authorize.getRawPath()))
                .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> answer = BROWSER.send(post, HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).isEqualTo(302);
            return URI.create(answer.headers().firstValue("Location").orElseThrow());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The session cookie of a sign-in that went through: back to the console's page. */
    private static String signedIn(EntityExchangeResult<String> result) {
        assertThat(result.getStatus().value()).isEqualTo(302);
        assertThat(result.getResponseHeaders().getLocation()).hasToString("/console/");
        ResponseCookie cookie = result.getResponseCookies().getFirst("SESSION");
        assertThat(cookie).isNotNull();
        return cookie.getValue();
    }

    private void assertNoSession(EntityExchangeResult<String> refused) {
        ResponseCookie cookie = refused.getResponseCookies().getFirst("SESSION");
        if (cookie != null) {
            anonymous
                    .get()
                    .uri("/console/session")
                    .cookie("SESSION", cookie.getValue())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    private void addUser(String username, String role) {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "Sso-test-pass-42", "role", role))
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
