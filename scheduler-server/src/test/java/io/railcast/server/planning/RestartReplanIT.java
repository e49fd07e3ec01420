package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.planning.PlanResult;
import io.railcast.server.Bookings;
import io.railcast.server.RailCastServer;
import io.railcast.server.network.NetworkCatalog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A server that did not make the published version (restarted, here: the first instance closed and another started
 * on its database) re-plans from that version as stored: it reads it back as the plan that was published, and its
 * full plans move no published spot of a book that did not change. Its own PostgreSQL, so that what it compares is
 * its own data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartReplanIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String PASSWORD = "restart-secret";

    private static EmbeddedPostgres database;
    private static JdbcTemplate sql;
    private static @Nullable ConfigurableApplicationContext server;

    @BeforeAll
    static void startAndBook() throws Exception {
        database = EmbeddedPostgres.builder().start();
        sql = new JdbcTemplate(database.getPostgresDatabase());
        server = start("a");
        WebTestClient admin = client("admin");
        Bookings.ensureCreative(admin, sql);
        // two bookings at one station, one after the other: the second is planned around the first's published
        // plays, where a plan from scratch places both afresh
        String station = Bookings.stations(sql).get(3);
        for (String id : List.of("RESTART-B", "RESTART-A")) {
            client("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Bookings.commercial(id, station, "3/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        database.close();
    }

    @Test
    @Order(1)
    void readsThePublishedVersionBackAsThePlanItPublished() {
        ScheduleStore store = server.getBean(ScheduleStore.class);
        StoredBook book = StoredBook.read(
                server.getBean(NetworkCatalog.class),
                server.getBean(PlanningBook.class),
                new VersionPublisher(store, TIMEOUT),
                TIMEOUT);
        Map<String, VersionContent.ScreenRow> stored =
                store.rows(book.version()).block(TIMEOUT);

        PlanResult readBack = new PublishedPlanReader(store, id -> null, TIMEOUT).read(book);
        VersionContent content = new VersionContents().of(readBack);

        Map<String, VersionContent.ScreenRow> again = new HashMap<>();
        content.rows().forEach(row -> again.put(row.screenId(), row));
        // every screen-hour's plan id (the digest of its body), off-air hours (empty) and fallbacks alike
        assertThat(again).isEqualTo(stored);
        assertThat(stored.values())
                .anyMatch(row -> Arrays.asList(row.planIds().split(",", -1)).contains(""));
        assertThat(stored.values()).allMatch(row -> row.fallbackId() != null);
        // each distinct plan read once, and shared by the screen-hours that share it, as a group's screens do
        Set<String> ids = new HashSet<>();
        stored.values().forEach(row -> ids.addAll(Arrays.asList(row.planIds().split(","))));
        ids.remove("");
        assertThat(readBack.schedule().distinctPlans()).hasSize(ids.size());
        assertThat(stored.size()).isGreaterThan(ids.size() / readBack.schedule().days() / 24);
    }

    @Test
    @Order(2)
    void aRestartedServerRePlansWithoutMovingAPublishedSpot() {
        long before = latestVersion();
        Map<String, String> published = planIds(before);

        server.close();
        server = start("b");
        PlanningService planning = server.getBean(PlanningService.class);
        planning.ready().block(TIMEOUT);
        long atStart = latestVersion();
        long nightly = planning.replan("nightly re-plan").block(TIMEOUT);

        // per screen and hour of the horizon: the same hour plan, so the same spots
        assertThat(changed(published, planIds(atStart)))
                .as("screen-hours changed at start")
                .isEmpty();
        assertThat(changed(published, planIds(nightly)))
                .as("screen-hours changed by the re-plan")
                .isEmpty();
        assertThat(nightly).as("nothing to publish").isEqualTo(before);
    }

    /** The screen-hours whose plan differs from {@code before}'s, and the screens either lacks. */
    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        List<String> changed = new java.util.ArrayList<>();
        Set<String> screens = new HashSet<>(before.keySet());
        screens.addAll(after.keySet());
        for (String screen : screens) {
            String[] was = before.getOrDefault(screen, "").split(",", -1);
            String[] is = after.getOrDefault(screen, "").split(",", -1);
            for (int hour = 0; hour < Math.max(was.length, is.length); hour++) {
                if (hour >= was.length || hour >= is.length || !was[hour].equals(is[hour])) {
                    changed.add(screen + " hour " + hour);
                }
            }
        }
        return changed;
    }

    private static long latestVersion() {
        return sql.queryForObject("select max(version) from schedule_version", Long.class);
    }

    private static Map<String, String> planIds(long version) {
        Map<String, String> rows = new HashMap<>();
        sql.query(
                "select screen_id, array_to_string(plan_ids, ',', '') as ids from screen_schedule where version = ?",
                (java.sql.ResultSet row) -> {
                    rows.put(row.getString("screen_id"), row.getString("ids"));
                },
                version);
        return rows;
    }

    private static WebTestClient client(String user) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + server.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(TIMEOUT)
                .defaultHeaders(headers -> headers.setBasicAuth(user, PASSWORD))
                .build();
    }

    private static ConfigurableApplicationContext start(String name) {
        String address = "localhost:" + database.getPort() + "/postgres";
        return new SpringApplicationBuilder(RailCastServer.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.r2dbc.url=r2dbc:postgresql://" + address,
                        "--spring.r2dbc.username=postgres",
                        "--spring.datasource.url=jdbc:postgresql://" + address,
                        "--spring.datasource.username=postgres",
                        "--spring.quartz.scheduler-name=restart-it",
                        "--spring.quartz.properties.org.quartz.scheduler.instanceId=restart-it-" + name,
                        "--railcast.security.admin-password=" + PASSWORD,
                        "--railcast.demo.stations=6",
                        "--railcast.demo.screens=40",
                        "--railcast.demo.campaigns=6",
                        "--railcast.demo.users-password=" + PASSWORD,
                        "--railcast.planning.horizon-hours=24",
                        "--railcast.media.dir=target/it-media/restart-" + name);
    }
}
