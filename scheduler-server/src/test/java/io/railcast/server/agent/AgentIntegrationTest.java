package io.railcast.server.agent;

import io.railcast.server.RailCastServer;
import io.railcast.server.ServerIntegrationTest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The whole server for the agent protocol's specifications, with its own embedded PostgreSQL (in
 * {@code target/it-postgres/agent}) and settings that keep tests fast: a heartbeat every second, no spread of
 * announcements, tokens believed for one second, stale screens recounted every second. The planning and campaign
 * tables are created by {@link ContractFixtures} as the storage contract describes them. Tests keep apart by using
 * screens of their own.
 */
@SpringBootTest(classes = RailCastServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "railcast.database.embedded.durable=false",
            "railcast.security.admin-password=" + AgentIntegrationTest.PASSWORD,
            // Quartz registers schedulers JVM-wide by name, and the shared ServerIntegrationTest context holds one
            "spring.quartz.scheduler-name=railcast-agent-it",
            "railcast.agent.events.heartbeat=1s",
            "railcast.agent.events.spread=0s",
            "railcast.agent.token.cache-ttl=1s",
            "railcast.agent.status.refresh=1s",
            // versions reach the streams through NOTIFY alone, so the polling safety net cannot hide a lost one
            "railcast.agent.events.poll=1h"
        })
@AutoConfigureWebTestClient
abstract class AgentIntegrationTest {

    static final String PASSWORD = "agent-secret";
    static final Path MEDIA_DIR = ServerIntegrationTest.emptyDirectory(Path.of("target", "it-media"));

    private static final Path DATA_DIR = ServerIntegrationTest.emptyDirectory(Path.of("target", "it-postgres",
            "agent"));

    @Autowired
    WebTestClient anonymous;

    @LocalServerPort
    int port;

    @Autowired
    private DataSource dataSource;

    ContractFixtures fixtures;

    @DynamicPropertySource
    static void directories(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
        registry.add("railcast.agent.media.root", MEDIA_DIR::toString);
    }

    @BeforeEach
    void contractTables() {
        fixtures = new ContractFixtures(sql(), MEDIA_DIR);
        fixtures.createContractTables();
    }

    JdbcTemplate sql() {
        return new JdbcTemplate(dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    WebTestClient admin() {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth("admin", PASSWORD)).build();
    }

    WebTestClient agent(String token) {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    /**
     * An agent client that shows the bytes as sent: Spring's default client asks for gzip by itself and
     * decompresses without a trace.
     */
    WebTestClient rawAgent(String token) {
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create().compress(false)))
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
    }

    /** A new agent token for the screen, issued by the admin. */
    String issueToken(String screenId) {
        return issueToken(admin(), screenId);
    }

    static String issueToken(WebTestClient admin, String screenId) {
        Map<String, Object> issued = admin.post().uri("/api/v1/screens/{id}/agent-token", screenId).exchange()
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
        return (String) Objects.requireNonNull(issued).get("token");
    }

    long count(String from) {
        Long count = sql().queryForObject("select count(*) from " + from, Long.class);
        return count == null ? 0 : count;
    }
}
