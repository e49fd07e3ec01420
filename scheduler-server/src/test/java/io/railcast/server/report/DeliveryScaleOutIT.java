package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.railcast.server.Bookings;
import io.railcast.server.RailCastServer;
import io.railcast.server.ShiftedClock;
import io.railcast.server.ShiftedClockIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The delivery report of one campaign, and the public-service report, read from two server instances on one
 * PostgreSQL (this test's server A and a second one, B, started on its database with the same clock) are the same
 * bytes: for the campaign, a past day with plays the screen reported through the agent API and owed plays (counted
 * by a make-good run on A), today (where that run placed them), and a future day; for the public-service report,
 * every CSV table over those days, with a guaranteed PSA of the station's that aired once and is owed the rest. B
 * never planned nor counted anything: all it knows is what A stored.
 */
class DeliveryScaleOutIT extends ShiftedClockIntegrationTest {

    private static final String PSA_CREATIVE = "DSO-PSA";
    private static final List<String> PUBLIC_SERVICE_TABLES =
            List.of("stations", "provinces", "versions", "months", "guaranteed");

    private static ShiftedClock sharedClock;

    @Autowired
    private HikariDataSource dataSource;

    @Test
    void readsTheSameStoredFiguresFromEveryInstance() {
        String screen = allDayStation("DSO");
        Bookings.ensureCreative(admin(), sql());
        Bookings.ensureCreative(admin(), sql(), PSA_CREATIVE);
        book("DSO-1", "DSO", "6/h");
        bookPublicService();
        Instant hour = passNextHour();
        report(screen, hour, Map.of("DSO-1", 2, "DSO-P1", 1));
        LocalDate played = LocalDate.ofInstant(hour, ZONE);
        passMidnight();
        // like every planning run, the check re-plans for the new day first
        as("planner")
                .post()
                .uri("/api/v1/campaigns/availability")
                .bodyValue(Bookings.commercial("DSO-ASK", "DSO", "1/h", today()))
                .exchange()
                .expectStatus()
                .isOk();
        // the make-good job's count, asked for now rather than waited for: what the past day owes, stored
        as("planner")
                .post()
                .uri("/api/v1/make-goods/run")
                .exchange()
                .expectStatus()
                .isOk();

        sharedClock = clock();
        try (ConfigurableApplicationContext instanceB = startB()) {
            int portOfB = Integer.parseInt(
                    Objects.requireNonNull(instanceB.getEnvironment().getProperty("local.server.port")));
            String fromA = csv(as("planner"));
            String fromB = csv(client(portOfB, "planner"));
            assertThat(fromB).isEqualTo(fromA);

            List<String> lines = fromA.lines().toList();
            String past = lines.stream()
                    .filter(line -> line.startsWith("DSO," + played + ","))
                    .findFirst()
                    .orElseThrow();
            String[] cells = past.split(",", -1);
            long contracted = Long.parseLong(cells[2]);
            assertThat(contracted).as("the past day's contracted plays, stored").isPositive();
            assertThat(cells[5]).as("played").isEqualTo("2");
            assertThat(cells[6]).as("reported").isEqualTo("2");
            assertThat(Long.parseLong(cells[8])).as("owed").isEqualTo(contracted - 2);
            assertThat(cells[9]).as("owed: shortfall").isEqualTo(Long.toString(contracted - Long.parseLong(cells[3])));
            assertThat(cells[10]).as("owed: takeover").isEqualTo("0");
            assertThat(Long.parseLong(cells[11])).as("owed: not played").isEqualTo(Long.parseLong(cells[3]) - 2);
            // the run placed what the past day owes (its screen has reported since) on the first day with room
            assertThat(lines)
                    .as("today, planned with the past day's owed plays made good, nothing owed yet")
                    .anyMatch(line ->
                            line.startsWith("DSO," + today() + ",") && line.endsWith(",0,,,,," + (contracted - 2)));
            assertThat(lines)
                    .as("tomorrow, planned, nothing owed yet, nothing to make good")
                    .anyMatch(line -> line.startsWith("DSO," + today().plusDays(1) + ",") && line.endsWith(",0,,,,,0"));

            WebTestClient clientOfB = client(portOfB, "csr");
            for (String table : PUBLIC_SERVICE_TABLES) {
                assertThat(publicService(clientOfB, played, table))
                        .as("public-service table %s", table)
                        .isEqualTo(publicService(as("csr"), played, table));
            }
            List<String> stations =
                    publicService(as("csr"), played, "stations").lines().toList();
            assertThat(stations)
                    .as("the station's month: one version, one full 15 s play")
                    .anyMatch(line -> line.contains(",DSO,") && line.contains(",1,1,15,"));
            assertThat(publicService(as("csr"), played, "versions").lines())
                    .as("its version: one play of 15 s (0.0 h) at one station")
                    .contains(PSA_CREATIVE + ",DSO-P1,1,1,15,0.0,1");
            String[] guaranteed = publicService(as("csr"), played, "guaranteed")
                    .lines()
                    .filter(line -> line.startsWith("DSO-P1,"))
                    .findFirst()
                    .orElseThrow()
                    .split(",", -1);
            assertThat(guaranteed[3]).as("played").isEqualTo("1");
            assertThat(Long.parseLong(guaranteed[5]))
                    .as("owed: the past day's, as A's run counted it")
                    .isPositive();
        } finally {
            sharedClock = null;
        }
    }

    /** A guaranteed PSA, once an hour at DSO from the server's today, of a creative of its own. */
    private void bookPublicService() {
        Map<String, Object> psa = new LinkedHashMap<>(Bookings.commercial("DSO-P1", "DSO", "1/h", today()));
        psa.put("kind", "PUBLIC_SERVICE");
        psa.put("priceCents", 0);
        psa.put("creatives", List.of(Map.of("id", PSA_CREATIVE, "weight", 1)));
        // the CSR team books public-service ads
        as("csr")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(psa)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    /** The public-service report's {@code table} as CSV, from the played day to tomorrow. */
    private String publicService(WebTestClient client, LocalDate from, String table) {
        return body(client.get()
                .uri(
                        "/api/v1/reports/public-service?from={from}&to={to}&format=csv&table={table}",
                        from,
                        today().plusDays(1),
                        table)
                .exchange());
    }

    private static String csv(WebTestClient client) {
        return body(
                client.get().uri("/api/v1/campaigns/DSO-1/delivery?format=csv").exchange());
    }

    /** B, signed in as the demo's {@code user}. */
    private static WebTestClient client(int port, String user) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofMinutes(1))
                .defaultHeaders(headers -> headers.setBasicAuth(user, DEMO_PASSWORD))
                .build();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        byte[] body = response.expectStatus()
                .isOk()
                .expectBody(byte[].class)
                .returnResult()
                .getResponseBody();
        return new String(Objects.requireNonNull(body), StandardCharsets.UTF_8);
    }

    private ConfigurableApplicationContext startB() {
        String address = dataSource.getJdbcUrl().substring("jdbc:postgresql://".length());
        return new SpringApplicationBuilder(RailCastServer.class, SameClock.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.r2dbc.url=r2dbc:postgresql://" + address,
                        "--spring.r2dbc.username=postgres",
                        "--spring.datasource.url=jdbc:postgresql://" + address,
                        "--spring.datasource.username=postgres",
                        "--spring.quartz.scheduler-name=railcast-delivery-b",
                        "--railcast.security.admin-password=" + PASSWORD,
                        "--railcast.planning.horizon-hours=24",
                        "--railcast.media.dir=target/it-media/delivery-b");
    }

    /** B reads the very clock A runs by, as two instances kept in step by NTP would. */
    @Configuration(proxyBeanMethods = false)
    static class SameClock {

        @Bean
        @Primary
        Clock sharedClock() {
            return Objects.requireNonNull(sharedClock);
        }
    }
}
