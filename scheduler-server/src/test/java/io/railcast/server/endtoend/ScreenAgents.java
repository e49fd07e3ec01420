package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.AgentConfig;
import io.railcast.agent.AgentHarness;
import io.railcast.agent.PlayerAgent;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Real player agents of one test against one running server, in this JVM (started by {@link AgentHarness}, with the
 * heartbeat, upload and poll periods shortened to a second): tokens issued through the API, agents started with the
 * clock the test gives them, all closed by {@link #close()}.
 */
final class ScreenAgents implements AutoCloseable {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
            new ParameterizedTypeReference<>() {};

    private final URI server;
    private final WebTestClient admin;
    private final List<PlayerAgent> agents = new CopyOnWriteArrayList<>();

    ScreenAgents(URI server, WebTestClient admin) {
        this.server = server;
        this.admin = admin;
    }

    /** A new agent token of {@code screen}, issued by the admin. */
    String issueToken(String screen) {
        Map<String, Object> issued = admin.post()
                .uri("/api/v1/screens/{id}/agent-token", screen)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }

    AgentConfig.Builder config(String token, Path cache) {
        return AgentConfig.newBuilder()
                .server(server)
                .token(token)
                .cacheDirectory(cache)
                .horizonHours(24);
    }

    /** An agent started with {@code clock} as its local clock, writing what it shows to {@code screen}. */
    PlayerAgent start(AgentConfig config, Clock clock, ScreenLog screen) throws IOException {
        PlayerAgent agent = AgentHarness.start(config, clock, screen.printStream());
        agents.add(agent);
        return agent;
    }

    /** Stops one agent at once, as a screen whose box goes down: it shows, reports and journals nothing more. */
    void stop(PlayerAgent agent) {
        agents.remove(agent);
        agent.close();
    }

    @Override
    public void close() {
        agents.forEach(PlayerAgent::close);
        agents.clear();
    }

    /** Polls {@code condition} until it holds, failing with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s for %s", timeout, what).isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
