package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.railcast.server.RailCastServer;
import io.railcast.server.agent.ContractFixtures.ScreenPlans;
import io.railcast.server.agent.events.EventsIT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Two server instances on one PostgreSQL: this test's (A) and a second one (B) started beside it on A's database,
 * as a second deployment would. Each instance LISTENs on its own connection and tells its own agents.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT extends AgentIntegrationTest {

    private static ConfigurableApplicationContext instanceB;

    @BeforeEach
    void startInstanceB() {
        fixtures.screens("SCL", "SCL-1", "SCL-2", "SCL-3");
        if (instanceB == null) {
            String address = ((HikariDataSource) dataSource()).getJdbcUrl().substring("jdbc:postgresql://".length());
            instanceB = new SpringApplicationBuilder(RailCastServer.class)
                    .run(
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--spring.r2dbc.url=r2dbc:postgresql://" + address,
                            "--spring.r2dbc.username=postgres",
                            "--spring.datasource.url=jdbc:postgresql://" + address,
                            "--spring.datasource.username=postgres",
                            "--spring.quartz.scheduler-name=railcast-agent-b",
                            "--railcast.security.admin-password=" + PASSWORD,
                            "--railcast.agent.events.heartbeat=1s",
                            "--railcast.agent.events.spread=0s",
                            "--railcast.agent.events.poll=1h",
                            // B would believe a token for an hour: only the revocation's NOTIFY can make it forget
                            "--railcast.agent.token.cache-ttl=1h",
                            "--railcast.agent.media.root=" + MEDIA_DIR);
        }
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    @Test
    @Order(1)
    void tellsAgentsOnEveryInstanceOfAVersionAnnouncedThroughAnother() throws InterruptedException {
        String plan = fixtures.plan("FILL:CR-SC:5:F");
        JdbcTemplate throughB = new JdbcTemplate(instanceB.getBean(DataSource.class));
        Stream onA = new Stream(EventsIT.events(port, issueToken("SCL-1"), null));
        Stream onB = new Stream(EventsIT.events(portOfB(), issueToken("SCL-2"), null));
        try {
            assertThat(onA.opened.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(onB.opened.await(10, TimeUnit.SECONDS)).isTrue();

            long version = new ContractFixtures(throughB, MEDIA_DIR)
                    .publishNow(Map.of(
                            "SCL-1",
                            ScreenPlans.constant(plan, plan, 4),
                            "SCL-2",
                            ScreenPlans.constant(plan, plan, 4)));
            ContractFixtures.announce(throughB, version);

            for (Stream stream : List.of(onA, onB)) {
                StepVerifier.create(stream.events
                                .asFlux()
                                .filter(event -> !EventsIT.heartbeat(event))
                                .take(1))
                        .assertNext(event -> EventsIT.isSchedule(event, version))
                        .expectComplete()
                        .verify(Duration.ofSeconds(15));
            }
        } finally {
            onA.subscription.dispose();
            onB.subscription.dispose();
        }
    }

    @Test
    @Order(3)
    void endsItsAgentsStreamsAtOnceWhenAnInstanceStops() throws InterruptedException {
        Stream onB = new Stream(EventsIT.events(portOfB(), issueToken("SCL-1"), null));
        assertThat(onB.opened.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        stopInstanceB();
        // well within the web server's graceful shutdown (30 s), which waits for requests still running
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        StepVerifier.create(onB.events.asFlux().filter(event -> !EventsIT.heartbeat(event)))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    /** An agent's event stream held open in the background, recording every event. */
    private static final class Stream {

        final Sinks.Many<ServerSentEvent<String>> events = Sinks.many().replay().all();
        final CountDownLatch opened = new CountDownLatch(1);
        final Disposable subscription;

        Stream(Flux<ServerSentEvent<String>> source) {
            subscription = source.subscribe(
                    event -> {
                        opened.countDown();
                        events.tryEmitNext(event);
                    },
                    events::tryEmitError,
                    events::tryEmitComplete);
        }
    }

    @Test
    @Order(2)
    void refusesOnEveryInstanceATokenRevokedOnAnotherWithinSeconds() {
        String token = issueToken("SCL-3");
        WebTestClient agentOnB = client(portOfB())
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build();
        status(agentOnB).expectStatus().isOk(); // B now believes the token for an hour
        admin().delete()
                .uri("/api/v1/screens/SCL-3/agent-token")
                .exchange()
                .expectStatus()
                .isNoContent();

        // the revocation reaches B as a notification on its listening connection: ask until it has arrived
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        int status;
        do {
            status = status(agentOnB).returnResult(String.class).getStatus().value();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).isEqualTo(401);
    }

    private static int portOfB() {
        return Integer.parseInt(
                Objects.requireNonNull(instanceB.getEnvironment().getProperty("local.server.port")));
    }

    private static WebTestClient.ResponseSpec status(WebTestClient agent) {
        return agent.post()
                .uri("/agent/v1/status")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange();
    }
}
