package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.RailCastServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With the standard {@code spring.r2dbc.*} and {@code spring.datasource.*} settings the server uses that
 * PostgreSQL and starts none of its own. The "external" server here is a throwaway zonky instance.
 */
class ExternalDatabaseIT {

    private static EmbeddedPostgres external;

    @BeforeAll
    static void startExternalPostgres() throws IOException {
        external = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopExternalPostgres() throws IOException {
        external.close();
    }

    @Test
    void storesInTheConfiguredPostgresAndStartsNoneOfItsOwn() {
        String hostAndDb = "localhost:" + external.getPort() + "/postgres";
        try (ConfigurableApplicationContext server = start(
                "--spring.r2dbc.url=r2dbc:postgresql://" + hostAndDb,
                "--spring.r2dbc.username=postgres",
                "--spring.datasource.url=jdbc:postgresql://" + hostAndDb,
                "--spring.datasource.username=postgres")) {
            assertThat(server.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
            WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                    .defaultHeaders(headers -> headers.setBasicAuth("admin", "pw"))
                    .build()
                    .post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "code",
                            "EXT",
                            "name",
                            "外站",
                            "province",
                            "湖北",
                            "bureau",
                            "武汉局",
                            "tier",
                            "STANDARD",
                            "operatingHours",
                            "06:00-22:00"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        JdbcTemplate sql = new JdbcTemplate(external.getPostgresDatabase());
        assertThat(sql.queryForObject("select name from station where code = 'EXT'", String.class))
                .isEqualTo("外站");
    }

    @Test
    void answers503WhilePostgresIsAwayAndServesAndListensAgainOnceItIsBack(@TempDir Path dataDir) throws IOException {
        int port = freePort();
        EmbeddedPostgres postgres = restartable(dataDir, port).start();
        String hostAndDb = "localhost:" + port + "/postgres";
        try (ConfigurableApplicationContext server = start(
                "--spring.r2dbc.url=r2dbc:postgresql://" + hostAndDb,
                "--spring.r2dbc.username=postgres",
                "--spring.datasource.url=jdbc:postgresql://" + hostAndDb,
                "--spring.datasource.username=postgres",
                "--spring.quartz.scheduler-name=railcast-away")) {
            WebTestClient admin = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                    .defaultHeaders(headers -> headers.setBasicAuth("admin", "pw"))
                    .build();
            admin.get().uri("/api/v1/stations").exchange().expectStatus().isOk();

            postgres.close(); // stopped as an operator stops it (pg_ctl stop, fast mode)
            admin.get()
                    .uri("/api/v1/stations")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/database-unavailable");

            postgres = restartable(dataDir, port).start();
            JdbcTemplate sql = new JdbcTemplate(postgres.getPostgresDatabase());
            // the schedule listener is back on its own: notifications reach this instance again
            until(() ->
                    sql.queryForObject("select count(*) from pg_stat_activity where query like 'LISTEN%'", Long.class)
                            > 0);
            until(() -> admin.get()
                            .uri("/api/v1/stations")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value()
                    == 200);
        } finally {
            postgres.close();
        }
    }

    /** A PostgreSQL that keeps its data directory and port when stopped, so it can be started again. */
    private static EmbeddedPostgres.Builder restartable(Path dataDir, int port) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Polls {@code condition} until it holds; fails after 30 s (a reconnection is due within 5 s). */
    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        String[] common = {
            "--server.port=0",
            "--spring.main.banner-mode=off",
            "--railcast.security.admin-password=pw",
            "--spring.quartz.scheduler-name=railcast-external",
            "--railcast.demo.enabled=false",
            "--railcast.media.dir=target/it-media/external"
        };
        String[] all = new String[common.length + arguments.length];
        System.arraycopy(common, 0, all, 0, common.length);
        System.arraycopy(arguments, 0, all, common.length, arguments.length);
        return new SpringApplicationBuilder(RailCastServer.class).run(all);
    }
}
