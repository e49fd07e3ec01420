package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The console's sign-in chain beside the API's: what needs a session, what CSRF guards, what stays as it was. */
class ConsoleSecurityIT extends ServerIntegrationTest {

    @Test
    void pagesSendStrangersToTheSignInForm() {
        anonymous
                .get()
                .uri("/console/")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/login");
        anonymous
                .get()
                .uri("/console/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectCookie()
                .exists("XSRF-TOKEN");
    }

    @Test
    void consoleApiAnswersStrangersWith401() {
        anonymous
                .get()
                .uri("/console/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        anonymous.get().uri("/console/session").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signedInSessionReadsTheApiAndChangesNeedTheCsrfToken() {
        String session = signIn("planner");
        anonymous
                .get()
                .uri("/console/session")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.username")
                .isEqualTo("planner")
                .jsonPath("$.bookCommercial")
                .isEqualTo(true)
                .jsonPath("$.bookPublicService")
                .isEqualTo(false);
        anonymous
                .get()
                .uri("/console/api/v1/versions/current")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.version")
                .isNumber();
        long campaigns = count("campaign");
        anonymous
                .post()
                .uri("/console/api/v1/campaigns")
                .cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(count("campaign")).isEqualTo(campaigns);
    }

    @Test
    void apiStaysBasicWithoutSessions() {
        anonymous
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic.*");
        as("planner")
                .get()
                .uri("/api/v1/versions/current")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE);
        String session = signIn("planner");
        anonymous
                .get()
                .uri("/api/v1/versions/current")
                .cookie("SESSION", session)
                .exchange()
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void wrongPasswordGetsNoSession() {
        ResponseCookie csrf = csrfCookie();
        anonymous
                .post()
                .uri("/console/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .body(BodyInserters.fromFormData(form("planner", "wrong-password", csrf.getValue())))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/login?error");
    }

    @Test
    void keepsTheSessionCookieFromScriptsAndOtherSites() {
        ResponseCookie session = signInCookies("planner", null).getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
        assertThat(session.isSecure()).as("plain HTTP").isFalse();
    }

    @Test
    void marksTheSessionCookieSecureBehindAProxyThatSaysHttps() {
        ResponseCookie session = signInCookies("planner", "https").getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isSecure()).isTrue();
    }

    @Test
    void rotatesTheCsrfTokenAtSignIn() {
        ResponseCookie before = csrfCookie();
        ResponseCookie after = anonymous
                .post()
                .uri("/console/login")
                .cookie("XSRF-TOKEN", before.getValue())
                .body(BodyInserters.fromFormData(form("planner", DEMO_PASSWORD, before.getValue())))
                .exchange()
                .expectStatus()
                .isFound()
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).isNotBlank().isNotEqualTo(before.getValue());
        assertThat(after.getSameSite()).isEqualTo("Strict");
    }

    @Test
    void sendsALockedOutUserBackToTheFormWithTheWait() {
        admin().post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "console.locked", "password", "right-password", "role", "OPERATOR"))
                .exchange()
                .expectStatus()
                .isCreated();
        for (int i = 0; i < 5; i++) {
            formSignIn("console.locked", "guess-" + i).expectHeader().location("/console/login?error");
        }
        formSignIn("console.locked", "right-password")
                .expectHeader()
                .valueMatches(HttpHeaders.LOCATION, "/console/login\\?locked=[1-9][0-9]*");
    }

    @Test
    void refusesANulInAUserNameBackToTheForm() {
        formSignIn("plan\u0000ner", DEMO_PASSWORD).expectHeader().location("/console/login?error");
    }

    /** A form sign-in from an address of this class's own, answered with a redirect. */
    private WebTestClient.ResponseSpec formSignIn(String user, String password) {
        ResponseCookie csrf = csrfCookie();
        return anonymous
                .post()
                .uri("/console/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .header("X-Forwarded-For", "198.51.100.60")
                .body(BodyInserters.fromFormData(form(user, password, csrf.getValue())))
                .exchange()
                .expectStatus()
                .isFound();
    }

    private MultiValueMap<String, ResponseCookie> signInCookies(String user, String forwardedProto) {
        ResponseCookie csrf = csrfCookie();
        return anonymous
                .post()
                .uri("/console/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .headers(headers -> {
                    if (forwardedProto != null) {
                        headers.set("X-Forwarded-Proto", forwardedProto);
                    }
                })
                .body(BodyInserters.fromFormData(form(user, DEMO_PASSWORD, csrf.getValue())))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/")
                .returnResult(Void.class)
                .getResponseCookies();
    }

    private String signIn(String user) {
        ResponseCookie csrf = csrfCookie();
        ResponseCookie session = anonymous
                .post()
                .uri("/console/login")
                .cookie("XSRF-TOKEN", csrf.getValue())
                .body(BodyInserters.fromFormData(form(user, DEMO_PASSWORD, csrf.getValue())))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/console/")
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst("SESSION");
        assertThat(session).isNotNull();
        return session.getValue();
    }

    private ResponseCookie csrfCookie() {
        return anonymous
                .get()
                .uri("/console/login")
                .exchange()
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst("XSRF-TOKEN");
    }

    private static MultiValueMap<String, String> form(String user, String password, String csrf) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", csrf);
        return form;
    }
}
