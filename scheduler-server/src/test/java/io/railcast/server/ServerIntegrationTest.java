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
 */
@SpringBootTest(classes = RailCastServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "railcast.database.embedded.durable=false",
            "railcast.security.admin-password=" + ServerIntegrationTest.PASSWORD
        })
@AutoConfigureWebTestClient
public abstract class ServerIntegrationTest {

    protected static final String USER = "admin";
    protected static final String PASSWORD = "test-secret";

    private static final Path DATA_DIR = emptyDirectory(Path.of("target", "it-postgres", "shared"));

    @Autowired
    protected WebTestClient anonymous;

    @Autowired
    private DataSource dataSource;

    @DynamicPropertySource
    static void sharedDatabase(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
    }

    /** A client signed in as the admin. */
    protected WebTestClient admin() {
        return anonymous.mutate().defaultHeaders(headers -> headers.setBasicAuth(USER, PASSWORD)).build();
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
