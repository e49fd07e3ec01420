package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.AgentConfig;
import io.railcast.agent.AgentHarness;
import io.railcast.agent.PlayerAgent;
import io.railcast.server.RailCastServer;
import io.railcast.server.ServerIntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The server stopped and started again while an agent plays: the agent plays on from its cache without a gap, and
 * every play reaches the server's table exactly once after the restart.
 *
 * <p>The server is this test's own (a tiny demo on its own embedded PostgreSQL, and one station of
 * {@link AllDayStations}), run in this JVM so that it can be
 * closed and started again on the same database and port: closing it refuses connections at once and stops its
 * PostgreSQL, which is what an agent sees of a killed server, at the cost of one application start rather than a
 * second JVM's. The one thing only a kill shows, a crash between the server's commit of a batch of plays and its
 * answer, is {@link AgentKillIT}'s held answer, seen from the agent's side in the same way.
 */
class ServerRestartIT {

    private static final String PASSWORD = "restart-secret";
    private static final Path DATA_DIR =
            ServerIntegrationTest.emptyDirectory(Path.of("target", "it-postgres", "endtoend-restart"));
    private static final Path MEDIA_DIR =
            ServerIntegrationTest.emptyDirectory(Path.of("target", "it-media", "endtoend-restart"));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path temp;

    private final int port = freePort();
    private ConfigurableApplicationContext server;
    private PlayerAgent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void playsOnWithoutAGapAndLosesOrDuplicatesNoPlayWhenTheServerRestarts() throws Exception {
        server = startServer();
        JdbcTemplate sql = new JdbcTemplate(server.getBean(DataSource.class));
        WebTestClient admin = WebTestClient.bindToServer(new JdkClientHttpConnector(HTTP))
                .baseUrl("http://127.0.0.1:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("admin", PASSWORD))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        AllDayStations.ensure(admin, sql, Map.of("E2E-R", 1));
        String screen = "E2E-R-01";
        ScreenLog shown = new ScreenLog();
        AgentConfig config = AgentConfig.newBuilder()
                .server(URI.create("http://127.0.0.1:" + port))
                .token(issueToken(admin, screen))
                .cacheDirectory(temp.resolve("cache"))
                .horizonHours(24)
                .build();
        agent = AgentHarness.start(config, Clock.systemUTC(), shown.printStream());
        EndToEndTest.await("a spot played and stored", Duration.ofSeconds(60), () -> count(sql, screen) > 0);

        server.close();
        Instant stopped = Instant.now();
        EndToEndTest.await(
                "a spot shown with the server down",
                Duration.ofSeconds(30),
                () -> shown.plays().stream().anyMatch(play -> play.seenAt().isAfter(stopped)));

        server = startServer();
        Instant restarted = Instant.now();
        JdbcTemplate again = new JdbcTemplate(server.getBean(DataSource.class));
        EndToEndTest.await(
                "a heartbeat to the restarted server",
                Duration.ofSeconds(90),
                () -> !again.queryForList(
                                "select 1 from screen_status where screen_id = ? and last_seen > ?",
                                screen,
                                Timestamp.from(restarted))
                        .isEmpty());
        EndToEndTest.await(
                "a spot shown after the restart",
                Duration.ofSeconds(30),
                () -> shown.plays().stream().anyMatch(play -> play.seenAt().isAfter(restarted)));

        List<ScreenLog.Shown> plays = new ArrayList<>(shown.plays());
        assertThat(shown.shown()
                        .subList(
                                shown.shown().indexOf(plays.get(0)),
                                shown.shown().size()))
                .as("nothing but spots since the first one")
                .allMatch(ScreenLog.Shown::isPlay);
        for (int i = 1; i < plays.size(); i++) {
            assertThat(plays.get(i).spotStart())
                    .as(plays.get(i).line())
                    .isEqualTo(plays.get(i - 1).end());
        }
        Instant cutoff = Instant.now();
        plays.removeIf(play -> !play.end().isBefore(cutoff));
        Instant lastEnded = plays.get(plays.size() - 1).at();
        List<String> expected = plays.stream()
                .map(play -> play.at() + " " + play.creative())
                .sorted()
                .toList();
        EndToEndTest.await(
                "every ended spot stored",
                Duration.ofSeconds(90),
                () -> stored(again, screen, lastEnded).containsAll(expected));
        assertThat(stored(again, screen, lastEnded))
                .as("no play lost or stored twice")
                .containsExactlyElementsOf(expected);
    }

    private ConfigurableApplicationContext startServer() {
        return new SpringApplicationBuilder(RailCastServer.class)
                .run(
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off",
                        "--spring.quartz.scheduler-name=railcast-endtoend-restart",
                        "--railcast.database.embedded.durable=false",
                        "--railcast.database.embedded.data-dir=" + DATA_DIR,
                        "--railcast.media.dir=" + MEDIA_DIR,
                        "--railcast.agent.media.root=" + MEDIA_DIR,
                        "--railcast.security.admin-password=" + PASSWORD,
                        "--railcast.demo.stations=3",
                        "--railcast.demo.screens=9",
                        "--railcast.demo.campaigns=6",
                        "--railcast.demo.users-password=" + PASSWORD,
                        "--railcast.planning.horizon-hours=24");
    }

    private static String issueToken(WebTestClient admin, String screen) {
        Map<String, Object> issued = admin.post()
                .uri("/api/v1/screens/{id}/agent-token", screen)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(EndToEndTest.JSON_OBJECT)
                .returnResult()
                .getResponseBody();
        return (String) java.util.Objects.requireNonNull(issued).get("token");
    }

    private static long count(JdbcTemplate sql, String screen) {
        Long count = sql.queryForObject("select count(*) from play_record where screen_id = ?", Long.class, screen);
        return count == null ? 0 : count;
    }

    private static List<String> stored(JdbcTemplate sql, String screen, Instant until) {
        return sql
                .queryForList(
                        "select started_at, creative_id from play_record where screen_id = ?" + " and started_at <= ?",
                        screen,
                        Timestamp.from(until))
                .stream()
                .map(row -> ((Timestamp) row.get("started_at")).toInstant() + " " + row.get("creative_id"))
                .sorted()
                .toList();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
