package io.railcast.server.console;

import java.security.Principal;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
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

    ConsoleController(Environment environment) {
        this.psaFloors = PsaFloors.of(environment);
    }

    @GetMapping({"/console", "/console/"})
    ResponseEntity<Resource> index() {
        return html(INDEX);
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    ResponseEntity<Resource> login() {
        return html(LOGIN);
    }

    @GetMapping("/console/session")
    Mono<ConsoleUser> session(Principal principal) {
        return Mono.just(ConsoleUser.of(principal));
    }

    @GetMapping("/console/psa-floors")
    PsaFloors psaFloors() {
        return psaFloors;
    }

    private static ResponseEntity<Resource> html(Resource page) {
        return ResponseEntity.ok()
                .contentType(MediaType.TEXT_HTML)
                .cacheControl(CacheControl.noCache())
                .body(page);
    }
}
