package io.railcast.server.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What {@link BrokenPromiseIT} asks the server, through its API as each user would (and, for what the screens played,
 * its tables): answers as plain maps whose whole numbers are all {@code Long}, so they compare with counts.
 */
final class PromiseApi {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {};

    private final WebTestClient admin;
    private final WebTestClient planner;
    private final WebTestClient operator;
    private final WebTestClient csr;
    private final JdbcTemplate sql;

    PromiseApi(
            WebTestClient admin, WebTestClient planner, WebTestClient operator, WebTestClient csr, JdbcTemplate sql) {
        this.admin = admin;
        this.planner = planner;
        this.operator = operator;
        this.csr = csr;
        this.sql = sql;
    }

    /** The station, its screens, the filler and the four bookings from {@code day}. */
    void bookStation(LocalDate day) {
        Bookings.ensureCreative(admin, sql);
        admin.post()
                .uri(
                        "/api/v1/creatives?id={id}&durationSeconds=5&screenTypes=LED_LARGE,LCD_FRAME,TV_SET",
                        PromisedBook.FILLER_CREATIVE)
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'y', '1', '7'})
                .exchange()
                .expectStatus()
                .isCreated();
        created(admin, "/api/v1/stations", PromisedBook.station());
        created(admin, "/api/v1/screens", PromisedBook.screens());
        created(admin, "/api/v1/campaigns", PromisedBook.filler(day));
        for (PromisedBook.Booking booking : PromisedBook.BOOKINGS) {
            created(planner, "/api/v1/campaigns", PromisedBook.payload(booking, day));
        }
    }

    /** Retires the screen for good from now; answers what the server says it costs. */
    Map<String, Object> retire(String screen) {
        return body(admin.post()
                .uri("/api/v1/screens/{id}/out-of-service", screen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("retired", true, "reason", "screen removed"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT));
    }

    /** The plays a network change answer names per campaign. */
    @SuppressWarnings("unchecked")
    Map<String, Long> lostPlays(Map<String, Object> answer) {
        Map<String, Long> lost = new TreeMap<>();
        ((List<Map<String, Object>>) answer.get("campaigns"))
                .forEach(c -> lost.put((String) c.get("campaign"), (Long) c.get("plays")));
        return lost;
    }

    void cutHours() {
        admin.patch()
                .uri("/api/v1/stations/{code}", PromisedBook.STATION)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("operatingHours", PromisedBook.CUT_HOURS))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** The campaign's delivery row of the station and day. */
    @SuppressWarnings("unchecked")
    Map<String, Object> deliveryRow(String campaign, LocalDate day) {
        Map<String, Object> delivery = body(planner.get()
                .uri("/api/v1/campaigns/{id}/delivery", campaign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT));
        return ((List<Map<String, Object>>) delivery.get("rows"))
                .stream()
                        .filter(row -> PromisedBook.STATION.equals(row.get("station"))
                                && day.toString().equals(row.get("date")))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no row of " + day + " in " + delivery));
    }

    /** The dashboard's shortfall alerts of this test's campaigns: by how many plays each is short. */
    Map<String, Long> shortfallAlerts() {
        Map<String, Long> alerts = new TreeMap<>();
        for (Map<String, Object> alert : longsOf(Objects.requireNonNull(csr.get()
                .uri("/api/v1/delivery/alerts")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(LIST)
                .returnResult()
                .getResponseBody()))) {
            if ("shortfall".equals(alert.get("kind"))
                    && ((String) alert.get("campaign")).startsWith(PromisedBook.PREFIX)) {
                alerts.put((String) alert.get("campaign"), (Long) alert.get("shortBy"));
            }
        }
        return alerts;
    }

    /** An emergency notice on every screen of the station from now until {@code until}; answers its id. */
    String takeOver(Instant until) {
        Map<String, Object> started = body(operator.post()
                .uri("/api/v1/takeovers")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "notice",
                        "列车晚点 Train delayed",
                        "target",
                        Map.of("stations", List.of(PromisedBook.STATION)),
                        "until",
                        until.toString(),
                        "reason",
                        "BrokenPromiseIT"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(OBJECT));
        assertThat(started.get("state")).isEqualTo("ACTIVE");
        return (String) started.get("id");
    }

    /** The plays the takeover displaced by campaign, once the server has counted them after its end. */
    @SuppressWarnings("unchecked")
    Map<String, Long> lostPlaysOfTakeover(String id) throws InterruptedException {
        AtomicReference<Map<String, Object>> takeover = new AtomicReference<>();
        ScreenAgents.await("the takeover's lost plays counted", Duration.ofSeconds(30), () -> {
            takeover.set(body(operator.get()
                    .uri("/api/v1/takeovers/{id}", id)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(OBJECT)));
            return takeover.get().get("lostPlays") != null;
        });
        assertThat(takeover.get().get("state")).isEqualTo("ENDED");
        Map<String, Long> lost = new TreeMap<>();
        ((List<Map<String, Object>>) takeover.get().get("lostPlays"))
                .forEach(l -> lost.put((String) l.get("campaign"), (Long) l.get("plays")));
        return lost;
    }

    /** Plays stored for {@code screen} that started in [{@code from}, {@code to}). */
    long plays(String screen, Instant from, Instant to) {
        return sql.queryForObject(
                "select count(*) from play_record where screen_id = ? and started_at >= ? and started_at < ?",
                Long.class,
                screen,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    /** Whether the screen's agent reported, in a heartbeat it sent at {@code after} or later, no play left to send. */
    boolean reportedEverything(String screen, Instant after) {
        return sql.queryForObject(
                        "select count(*) from screen_status where screen_id = ? and sent_at >= ?"
                                + " and journal_backlog = 0",
                        Long.class,
                        screen,
                        Timestamp.from(after))
                == 1;
    }

    /** Plays of the campaign on the station's screens started in [{@code from}, {@code to}) that ran their 15 s. */
    long fullPlays(String campaign, Instant from, Instant to) {
        return sql.queryForObject(
                "select count(*) from play_record p join screen s on s.id = p.screen_id where s.station_code = ?"
                        + " and p.campaign_id = ? and p.started_at >= ? and p.started_at < ?"
                        + " and abs(p.duration_millis - 15000) <= 500",
                Long.class,
                PromisedBook.STATION,
                campaign,
                Timestamp.from(from),
                Timestamp.from(to));
    }

    Map<String, Object> runMakeGoods() {
        return body(planner.post()
                .uri("/api/v1/make-goods/run")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT));
    }

    Map<String, Object> makeGoods(String campaign) {
        return body(operator.get()
                .uri("/api/v1/make-goods?campaign={c}", campaign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT));
    }

    long latestVersion() {
        return sql.queryForObject("select max(version) from schedule_version", Long.class);
    }

    private static void created(WebTestClient client, String uri, Object body) {
        client.post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private static Map<String, Object> body(WebTestClient.BodySpec<Map<String, Object>, ?> spec) {
        return longs(Objects.requireNonNull(spec.returnResult().getResponseBody()));
    }

    private static List<Map<String, Object>> longsOf(List<Map<String, Object>> list) {
        return list.stream().map(PromiseApi::longs).toList();
    }

    private static Map<String, Object> longs(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, longValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object longValue(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        } else if (value instanceof Map) {
            return longs((Map<String, Object>) value);
        } else if (value instanceof List) {
            return ((List<Object>) value).stream().map(PromiseApi::longValue).toList();
        }
        return value;
    }
}
