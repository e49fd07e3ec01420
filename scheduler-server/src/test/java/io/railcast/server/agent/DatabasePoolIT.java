package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.railcast.server.agent.plays.PlaysIT;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The R2DBC pool under the two ways a fleet can wear it out. Agents that give up on a request (a timeout, a reboot, a dropped link) close the connection while the server is
 * still storing: every database connection such a request held must go back to the pool, and the next request must
 * be answered, or the server slowly stops answering anything that reads the database. And when every connection
 * is busy, a request waits at most {@code spring.r2dbc.pool.max-acquire-time} and is told to come back (503 with
 * Retry-After), instead of hanging until the agent's own timeout.
 */
class DatabasePoolIT extends AgentIntegrationTest {

    private static final int ABORTED = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ConnectionFactory connectionFactory;

    @Test
    void releasesEveryConnectionOfRequestsTheClientAbandonedMidFlight() throws Exception {
        fixtures.screens("ABR", "ABR-1");
        String token = issueToken("ABR-1");
        ConnectionPool pool = (ConnectionPool) connectionFactory;

        long version = PlaysIT.publishTiled(fixtures, PlaysIT.PLAN, "ABR-1");
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < ABORTED; i++) {
                byte[] request = playsRequest(token, batch("ABR-1", 1000, version));
                long abandonAfterMicros = (i % 20) * 2_500L; // 0 to 47.5 ms: before, during and after the insert
                sent.add(clients.submit(() -> {
                    sendAndAbandon(request, abandonAfterMicros);
                    return null;
                }));
            }
            for (Future<?> each : sent) {
                each.get(60, TimeUnit.SECONDS);
            }
        } finally {
            clients.shutdownNow();
        }

        // every connection came back if the pool can hand out all of them at once again. Not "none is acquired":
        // the server's own pollers (quiet screens every second here, takeovers) take one now and then, and on a
        // slow machine one of them may hold one at every instant for a while; a leaked connection never comes back.
        int size = pool.getMetrics().orElseThrow().getMaxAllocatedSize();
        List<Connection> all = new ArrayList<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        try {
            while (all.size() < size && Instant.now().isBefore(deadline)) {
                Connection connection = Mono.from(pool.create())
                        .onErrorResume(e -> Mono.empty())
                        .block(Duration.ofSeconds(10));
                if (connection != null) {
                    all.add(connection);
                }
            }
            PoolMetrics metrics = pool.getMetrics().orElseThrow();
            assertThat(all)
                    .as(
                            "connections the pool could hand out again (idle %d, pending %d)",
                            metrics.idleSize(), metrics.pendingAcquireSize())
                    .hasSize(size);
        } finally {
            Flux.fromIterable(all).flatMap(Connection::close).blockLast(Duration.ofSeconds(10));
        }

        agent(token)
                .mutate()
                .responseTimeout(Duration.ofSeconds(10))
                .build()
                .post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "plays",
                        List.of(PlaysIT.play("ABR-1", "C-P2", PlaysIT.hour(0).plusSeconds(15), 5_000, version))))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted.length()")
                .isEqualTo(1);
    }

    @Test
    void answers503WithRetryAfterWhenNoConnectionComesFreeInTime() {
        fixtures.screens("ABR", "ABR-2");
        String token = issueToken("ABR-2");
        ConnectionPool pool = (ConnectionPool) connectionFactory;
        int size = pool.getMetrics().orElseThrow().getMaxAllocatedSize();
        List<Connection> held =
                Flux.range(0, size).flatMap(i -> pool.create()).collectList().block(Duration.ofSeconds(30));
        try {
            assertThat(held).hasSize(size);
            agent(token)
                    .mutate()
                    .responseTimeout(Duration.ofSeconds(30))
                    .build()
                    .post()
                    .uri("/agent/v1/plays")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("plays", batch("ABR-2", 1, 1)))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    // the agent chain's token look-up is the first to wait, and answers for it
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/unavailable");
            admin().mutate()
                    .responseTimeout(Duration.ofSeconds(30))
                    .build()
                    .get()
                    .uri("/api/v1/stations")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/database-busy");
        } finally {
            Flux.fromIterable(held).concatMap(Connection::close).then().block(Duration.ofSeconds(30));
        }
        agent(token)
                .post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", batch("ABR-2", 1, 1)))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** Plays of spots of C-P1 the screen was scheduled in the past hours by {@code version}, in order. */
    private static List<Map<String, Object>> batch(String screen, int size, long version) {
        List<Map<String, Object>> plays = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            plays.add(PlaysIT.play(
                    screen, "C-P1", PlaysIT.hour(1 + i / 120).plusSeconds(30L * (i % 120)), 15_000, version));
        }
        return plays;
    }

    private byte[] playsRequest(String token, List<Map<String, Object>> plays) {
        byte[] body = JSON.writeValueAsBytes(Map.of("plays", plays));
        String head = "POST /agent/v1/plays HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Sends the whole request, waits a moment, then resets the connection without reading the answer. */
    private void sendAndAbandon(byte[] request, long afterMicros) throws IOException, InterruptedException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoLinger(true, 0); // close with a reset, as a killed agent's kernel does
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            TimeUnit.MICROSECONDS.sleep(afterMicros);
        }
    }
}
