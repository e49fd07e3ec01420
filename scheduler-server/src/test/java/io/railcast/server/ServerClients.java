package io.railcast.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a test of a running server works with: clients signed in as each user, and plain SQL on the server's
 * database. Which server is the subclass's business ({@link ServerIntegrationTest}, the shared one;
 * {@link ShiftedClockIntegrationTest}, the one whose clock tests move); both start the same small demo, with the
 * users and passwords named here.
 */
public abstract class ServerClients {

    protected static final String USER = "admin";
    protected static final String PASSWORD = "test-secret";
    protected static final int DEMO_STATIONS = 20;
    protected static final int DEMO_SCREENS = 200;
    protected static final int DEMO_CAMPAIGNS = 30;
    protected static final String DEMO_PASSWORD = "demo-secret";
    protected static final int MAX_MEDIA_BYTES = 1024 * 1024;

    @Autowired
    protected WebTestClient anonymous;

    @Autowired
    private DataSource dataSource;

    /** A client signed in as the admin. */
    protected WebTestClient admin() {
        return anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(USER, PASSWORD))
                .build();
    }

    /** A client signed in as one of the demo users: planner, csr or operator. */
    protected WebTestClient as(String demoUser) {
        return anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBasicAuth(demoUser, DEMO_PASSWORD))
                .build();
    }

    /** Plain SQL on the server's own database, to look behind the API. */
    /** GET {@code uri} as the demo user {@code demoUser}, expecting 200: the JSON object answered. */
    protected Map<String, Object> getJson(String demoUser, String uri, Object... variables) {
        return okJson(as(demoUser).get().uri(uri, variables));
    }

    /** POST to {@code uri} without a body as the demo user {@code demoUser}, expecting 200: the JSON object answered. */
    protected Map<String, Object> postJson(String demoUser, String uri, Object... variables) {
        return okJson(as(demoUser).post().uri(uri, variables));
    }

    private static Map<String, Object> okJson(WebTestClient.RequestHeadersSpec<?> request) {
        return Objects.requireNonNull(request.exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody());
    }

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

    /**
     * A station of its own, open all day (the demo's close at night) with one LCD screen; answers the screen's id.
     * Its code must contain a hyphen, which keeps it out of the demo-station queries ({@code ^[A-Z]+$}).
     */
    protected String allDayStation(String code) {
        return allDayStation(code, null);
    }

    /** {@link #allDayStation(String)} in {@code province} (a name of the test's own keeps its figures apart), or the demo's first. */
    protected String allDayStation(String code, @Nullable String province) {
        String screen = code + "-01";
        if (count("screen where id = '" + screen + "'") == 0) {
            Map<String, Object> demo = new java.util.HashMap<>(
                    sql().queryForMap("select province, bureau from station order by code limit 1"));
            if (province != null) {
                demo.put("province", province);
            }
            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of(
                            "code",
                            code,
                            "name",
                            "全天 " + code,
                            "province",
                            demo.get("province"),
                            "bureau",
                            demo.get("bureau"),
                            "tier",
                            "STANDARD",
                            "operatingHours",
                            "00:00-00:00"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            admin().post()
                    .uri("/api/v1/screens")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("id", screen, "station", code, "type", "LCD_FRAME", "zone", "waiting-hall"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        return screen;
    }
}
