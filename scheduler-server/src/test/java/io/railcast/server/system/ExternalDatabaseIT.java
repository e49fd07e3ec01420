package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.RailCastServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
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
