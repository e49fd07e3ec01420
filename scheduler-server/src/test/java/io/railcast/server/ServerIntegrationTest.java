package io.railcast.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole server on a random port with its embedded PostgreSQL, shared by every subclass (one Spring context,
 * one database). The data lives in {@code target/it-postgres/shared}, emptied once per JVM, with fsync off since
 * it is thrown away; tests keep apart by using their own codes.
 *
 * <p>The server starts with a small demo network ({@value #DEMO_STATIONS} stations, {@value #DEMO_SCREENS} screens,
 * {@value #DEMO_CAMPAIGNS} campaigns) planned for 24 h ahead (two days), so that bookings are planned in a fraction
 * of a second, and with the demo users planner, csr and operator (password {@value #DEMO_PASSWORD}).
 */
@SpringBootTest(classes = RailCastServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "railcast.database.embedded.durable=false",
            "railcast.security.admin-password=" + ServerIntegrationTest.PASSWORD,
            "railcast.demo.stations=" + ServerIntegrationTest.DEMO_STATIONS,
            "railcast.demo.screens=" + ServerIntegrationTest.DEMO_SCREENS,
            "railcast.demo.campaigns=" + ServerIntegrationTest.DEMO_CAMPAIGNS,
            "railcast.demo.users-password=" + ServerIntegrationTest.DEMO_PASSWORD,
            "railcast.planning.horizon-hours=24",
            "railcast.media.max-size=" + ServerIntegrationTest.MAX_MEDIA_BYTES + "B"
        })
@AutoConfigureWebTestClient(timeout = "60s")
public abstract class ServerIntegrationTest {

    protected static final String USER = "admin";
    protected static final String PASSWORD = "test-secret";
    protected static final int DEMO_STATIONS = 20;
    protected static final int DEMO_SCREENS = 200;
    protected static final int DEMO_CAMPAIGNS = 30;
    protected static final String DEMO_PASSWORD = "demo-secret";
    protected static final int MAX_MEDIA_BYTES = 1024 * 1024;

    private static final Path DATA_DIR = emptyDirectory(Path.of("target", "it-postgres", "shared"));
    private static final Path MEDIA_DIR = emptyDirectory(Path.of("target", "it-media", "shared"));

    @Autowired
    protected WebTestClient anonymous;

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void sharedDatabase(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
        registry.add("railcast.media.dir", MEDIA_DIR::toString);
    }

    /** A client signed in as the admin. */
    protected WebTestClient admin() {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(USER, PASSWORD)).build();
    }

    /** A client signed in as one of the demo users: planner, csr or operator. */
    protected WebTestClient as(String demoUser) {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(demoUser, DEMO_PASSWORD)).build();
    }

    /** Plain SQL on the server's own database, to look behind the API. */
    protected JdbcTemplate sql() {
        return new JdbcTemplate(dataSource);
    }

    /** {@code select count(*) from <from>}, e.g. {@code count("screen where station_code = 'X'")}. */
    protected long count(String from) {
        Long count = sql().queryForObject("select count(*) from " + from, Long.class);
        return count == null ? 0 : count;
    }

    /** {@code dir}, created, with nothing left from an earlier run. */
    public static Path emptyDirectory(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            return Files.createDirectories(dir).toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
