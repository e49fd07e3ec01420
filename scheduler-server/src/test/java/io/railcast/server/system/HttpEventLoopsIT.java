package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import org.junit.jupiter.api.Test;

/** The running server accepts its connections on the loop of its own that {@link HttpEventLoops} gives it. */
class HttpEventLoopsIT extends ServerIntegrationTest {

    @Test
    void theServerAcceptsOnALoopOfItsOwn() {
        anonymous
                .get()
                .uri("/actuator/health/liveness")
                .exchange()
                .expectStatus()
                .isOk();

        // a select loop's thread starts when the listening socket is registered on it, and only then
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .anyMatch(name -> name.startsWith(HttpEventLoops.PREFIX + "-select"))
                .noneMatch(name -> name.startsWith("reactor-http-select"));
    }
}
