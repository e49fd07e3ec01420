package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** The console's sign-in chain beside the API's: what needs a session, what CSRF guards, what stays as it was. */
class ConsoleSecurityIT extends ServerIntegrationTest {

    @Test
    void pagesSendStrangersToTheSignInForm() {
        anonymous.get().uri("/console/").exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/login");
        anonymous.get().uri("/console/login").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectCookie().exists("XSRF-TOKEN");
    }

    @Test
    void consoleApiAnswersStrangersWith401() {
        anonymous.get().uri("/console/api/v1/versions/current").exchange().expectStatus().isUnauthorized();
        anonymous.get().uri("/console/session").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signedInSessionReadsTheApiAndChangesNeedTheCsrfToken() {
        String session = signIn("planner");
        anonymous.get().uri("/console/session").cookie("SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("planner")
                .jsonPath("$.bookCommercial").isEqualTo(true)
                .jsonPath("$.bookPublicService").isEqualTo(false);
        anonymous.get().uri("/console/api/v1/versions/current").cookie("SESSION", session).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isNumber();
        long campaigns = count("campaign");
        anonymous.post().uri("/console/api/v1/campaigns").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange()
                .expectStatus().isForbidden();
        assertThat(count("campaign")).isEqualTo(campaigns);
    }

    @Test
    void apiStaysBasicWithoutSessions() {
        anonymous.get().uri("/api/v1/versions/current").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches(HttpHeaders.WWW_AUTHENTICATE, "Basic.*");
        as("planner").get().uri("/api/v1/versions/current").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);
        String session = signIn("planner");
        anonymous.get().uri("/api/v1/versions/current").cookie("SESSION", session).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void wrongPasswordGetsNoSession() {
        ResponseCookie csrf = csrfCookie();
        anonymous.post().uri("/console/login").cookie("XSRF-TOKEN", csrf.getValue())
                .body(BodyInserters.fromFormData(form("planner", "wrong-password", csrf.getValue())))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/login?error");
    }

    private String signIn(String user) {
        ResponseCookie csrf = csrfCookie();
        ResponseCookie session = anonymous.post().uri("/console/login").cookie("XSRF-TOKEN", csrf.getValue())
                .body(BodyInserters.fromFormData(form(user, DEMO_PASSWORD, csrf.getValue())))
                .exchange()
                .expectStatus().isFound()
                .expectHeader().location("/console/")
                .returnResult(Void.class).getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        return session.getValue();
    }

    private ResponseCookie csrfCookie() {
        return anonymous.get().uri("/console/login").exchange()
                .returnResult(Void.class).getResponseCookies().getFirst("XSRF-TOKEN");
    }

    private static MultiValueMap<String, String> form(String user, String password, String csrf) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", user);
        form.add("password", password);
        form.add("_csrf", csrf);
        return form;
    }
}
