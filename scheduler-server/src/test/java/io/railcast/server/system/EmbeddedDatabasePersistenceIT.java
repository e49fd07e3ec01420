package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.RailCastServer;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The embedded PostgreSQL as a user keeps it: one data directory, server restarts, a durable setup. */
class EmbeddedDatabasePersistenceIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsDataAcrossRestartsOnTheSameDirectory() {
        long migrations;
        try (ConfigurableApplicationContext first = start()) {
            migrations = sql(first).queryForObject("select count(*) from flyway_schema_history", Long.class);
            client(first)
                    .post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "code",
                            "KEEP",
                            "name",
                            "保定东站",
                            "province",
                            "河北",
                            "bureau",
                            "北京局",
                            "tier",
                            "MAJOR",
                            "operatingHours",
                            "06:00-23:30"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        assertThat(dataDir.resolve("postmaster.pid"))
                .as("the server stopped with the context")
                .doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            client(second)
                    .get()
                    .uri("/api/v1/stations/KEEP")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.name")
                    .isEqualTo("保定东站");
            assertThat(sql(second).queryForObject("select count(*) from flyway_schema_history", Long.class))
                    .as("migrations ran once, on the first start")
                    .isEqualTo(migrations);
        }
    }

    @Test
    void keepsFsyncAndSynchronousCommitOnByDefault() {
        try (ConfigurableApplicationContext server = start()) {
            JdbcTemplate sql = sql(server);
            assertThat(sql.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(sql.queryForObject("show synchronous_commit", String.class))
                    .isEqualTo("on");
            assertThat(sql.queryForObject("show full_page_writes", String.class))
                    .isEqualTo("on");
        }
    }

    private ConfigurableApplicationContext start() {
        // as command-line arguments: they override application.yaml, where builder properties would not
        return new SpringApplicationBuilder(RailCastServer.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--railcast.database.embedded.data-dir=" + dataDir,
                        "--railcast.security.admin-password=pw",
                        "--railcast.demo.enabled=false",
                        "--railcast.media.dir=target/it-media/restarts",
                        // Quartz keeps data sources in a JVM-wide registry by scheduler name: keep clear of the shared
                        // test server's scheduler, which runs in this JVM too
                        "--spring.quartz.scheduler-name=railcast-restarts");
    }

    private static WebTestClient client(ConfigurableApplicationContext server) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                .defaultHeaders(headers -> headers.setBasicAuth("admin", "pw"))
                .build();
    }

    private static JdbcTemplate sql(ConfigurableApplicationContext server) {
        return new JdbcTemplate(server.getBean(DataSource.class));
    }
}
