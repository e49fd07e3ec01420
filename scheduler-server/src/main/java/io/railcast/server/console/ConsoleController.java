package io.railcast.server.console;

import io.railcast.server.system.PsaFloors;
import io.railcast.server.user.SingleSignOnProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The console's two HTML documents (the sign-in form and the single page that holds every view) and
 * {@code /console/session}, which tells the page who is signed in, and {@code /console/psa-floors}.
 */
@RestController
class ConsoleController {

    private static final Resource INDEX = new ClassPathResource("static/console/index.html");
    private static final Resource LOGIN = new ClassPathResource("static/console/login.html");

    private final PsaFloors psaFloors;
    private final Resource login;

    ConsoleController(Environment environment, SingleSignOnProperties singleSignOn) throws IOException {
        this.psaFloors = PsaFloors.of(environment);
        this.login = singleSignOn.enabled() ? withSingleSignOn(singleSignOn.provider()) : LOGIN;
    }

    @GetMapping({"/console", "/console/"})
    ResponseEntity<Resource> index() {
        return html(INDEX);
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    ResponseEntity<Resource> login() {
        return html(login);
    }

    @GetMapping("/console/session")
    Mono<ConsoleUser> session(Principal principal) {
        return Mono.just(ConsoleUser.of(principal));
    }

    @GetMapping("/console/psa-floors")
    PsaFloors psaFloors() {
        return psaFloors;
    }

    /** The sign-in form with "Sign in with {@code provider}" (login.js puts it in the page's language). */
    private static Resource withSingleSignOn(String provider) throws IOException {
        String name = HtmlUtils.htmlEscape(provider);
        String button = "<p class=\"sso\"><a id=\"login-sso\" href=\"" + ConsoleSingleSignOn.START
                + "\" data-provider=\"" + name + "\">Sign in with " + name + "</a></p>";
        String page = LOGIN.getContentAsString(StandardCharsets.UTF_8).replace("<!--single-sign-on-->", button);
        return new ByteArrayResource(page.getBytes(StandardCharsets.UTF_8));
    }

    private static ResponseEntity<Resource> html(Resource page) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(page);
    }
}
