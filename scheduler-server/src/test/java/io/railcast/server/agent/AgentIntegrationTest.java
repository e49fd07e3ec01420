package io.railcast.server.agent;

import io.railcast.server.RailCastServer;
import io.railcast.server.ServerIntegrationTest;
import io.railcast.server.StallReport;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole server for the agent protocol's specifications, with its own embedded PostgreSQL (in
 * {@code target/it-postgres/agent}) and settings that keep tests fast: a heartbeat every second, no spread of
 * announcements, tokens believed for an hour (so revocations are seen to forget them), stale screens recounted every second. The planning and campaign
 * tables are created by {@link ContractFixtures} as the storage contract describes them. Tests keep apart by using
 * screens of their own.
 */
@SpringBootTest(
        classes = RailCastServer.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "railcast.database.embedded.durable=false",
            "railcast.security.admin-password=" + AgentIntegrationTest.PASSWORD,
            // Quartz registers schedulers JVM-wide by name, and the shared ServerIntegrationTest context holds one
            "spring.quartz.scheduler-name=railcast-agent-it",
            "railcast.agent.events.heartbeat=1s",
            "railcast.agent.events.spread=0s",
            // believed for an hour: a revocation must take effect by forgetting, not by expiry
            "railcast.agent.token.cache-ttl=1h",
            "railcast.agent.status.refresh=1s",
            // versions reach the streams through NOTIFY alone, so the polling safety net cannot hide a lost one
            "railcast.agent.events.poll=1h"
        })
@ExtendWith(StallReport.class)
public abstract class AgentIntegrationTest {

    public static final String PASSWORD = "agent-secret";
    public static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    // A directory of its own: emptying all of target/it-media would pull the shared server's media from under it.
    public static final Path MEDIA_DIR = ServerIntegrationTest.emptyDirectory(Path.of("target", "it-media", "agent"));

    private static final Path DATA_DIR =
            ServerIntegrationTest.emptyDirectory(Path.of("target", "it-postgres", "agent"));

    @LocalServerPort
    public int port;

    public WebTestClient anonymous;

    @Autowired
    private DataSource dataSource;

    public ContractFixtures fixtures;

    @DynamicPropertySource
    public static void directories(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
        registry.add("railcast.agent.media.root", MEDIA_DIR::toString);
    }

    @BeforeEach
    public void contractTables() {
        anonymous = client(port);
        fixtures = new ContractFixtures(sql(), MEDIA_DIR);
        fixtures.createContractTables();
    }

    /**
     * A client of the server on {@code port} that speaks HTTP/1.1 through the JDK's HttpClient, as the player agent
     * does, and shows the bytes as sent (no gzip asked for or undone behind the test's back). Not Reactor Netty's
     * client: with 1.3.6 about one request in a hundred on a reused keep-alive connection never saw its response
     * (the server had answered; the JDK client saw every answer).
     */
    public static WebTestClient client(int port) {
        return WebTestClient.bindToServer(new JdkClientHttpConnector(HTTP))
                .baseUrl("http://localhost:" + port)
                .build();
    }

    public JdbcTemplate sql() {
        return new JdbcTemplate(dataSource);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public WebTestClient admin() {
        return anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBasicAuth("admin", PASSWORD))
                .build();
    }

    public WebTestClient agent(String token) {
        return anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    /** A new agent token for the screen, issued by the admin. */
    public String issueToken(String screenId) {
        return issueToken(admin(), screenId);
    }

    public static String issueToken(WebTestClient admin, String screenId) {
        Map<String, Object> issued = admin.post()
                .uri("/api/v1/screens/{id}/agent-token", screenId)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }

    public long count(String from) {
        Long count = sql().queryForObject("select count(*) from " + from, Long.class);
        return count == null ? 0 : count;
    }
}
