package io.railcast.server;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Campaign payloads and the creatives they need, for tests on the shared server's demo network. */
public final class Bookings {

    /** A 15 s creative made for every screen type, uploaded once per test run. */
    public static final String CREATIVE = "IT-ALL-15";

    private Bookings() {}

    /** Today in the stations' zone: the first day of every plan. */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** Uploads {@link #CREATIVE} unless it is stored already. */
    public static void ensureCreative(WebTestClient admin, JdbcTemplate sql) {
        ensureCreative(admin, sql, CREATIVE);
    }

    /** Uploads a 15 s creative for every screen type as {@code id} unless it is stored already. */
    public static void ensureCreative(WebTestClient admin, JdbcTemplate sql, String id) {
        Long stored = sql.queryForObject("select count(*) from creative where id = ?", Long.class, id);
        if (stored != null && stored == 0) {
            admin.post()
                    .uri("/api/v1/creatives?id={id}&durationSeconds=15&screenTypes=LED_LARGE,LCD_FRAME,TV_SET", id)
                    .contentType(MediaType.IMAGE_PNG)
                    .bodyValue(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3})
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    /** The demo stations that have screens, by code. */
    public static List<String> stations(JdbcTemplate sql) {
        return sql.queryForList(
                "select distinct station_code from screen where station_code in"
                        + " (select code from station where code ~ '^[A-Z]+$') order by station_code",
                String.class);
    }

    /** A hub of the demo network: hubs carry the most bookings, so a greedy campaign cannot fit there. */
    public static String hub(JdbcTemplate sql) {
        return sql.queryForObject(
                "select min(code) from station where tier = 'HUB' and code ~ '^[A-Z]+$'"
                        + " and exists (select 1 from screen where station_code = code)",
                String.class);
    }

    /**
     * A campaign that asks for every second of every 5-minute loop: it cannot fit wherever anything else is
     * contracted.
     */
    public static Map<String, Object> greedy(String id, String station) {
        return commercial(id, station, "20/5min");
    }

    /** A commercial campaign of {@link #CREATIVE} at one station for ten days from today. */
    public static Map<String, Object> commercial(String id, String station, String frequency) {
        return commercial(id, station, frequency, today());
    }

    /** A commercial campaign of {@link #CREATIVE} at one station for ten days from {@code firstDay}. */
    public static Map<String, Object> commercial(String id, String station, String frequency, LocalDate firstDay) {
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("id", id);
        campaign.put("name", "测试 " + id);
        campaign.put("kind", "COMMERCIAL");
        campaign.put("owner", "Integration tests");
        campaign.put("creatives", List.of(Map.of("id", CREATIVE, "weight", 1)));
        campaign.put("targeting", Map.of("stations", List.of(station)));
        campaign.put("flight", Map.of("start", firstDay + "T00:00", "end", firstDay.plusDays(10) + "T00:00"));
        campaign.put("frequency", frequency);
        campaign.put("priceCents", 100_000);
        return campaign;
    }

    /**
     * Has {@code screen} report, through the agent protocol with a token issued for it, full plays (15 s of
     * {@link #CREATIVE}) of each campaign in {@code hour}: of its first spots there, as published, since the server
     * counts only plays of scheduled spots.
     */
    public static void report(
            WebTestClient admin,
            WebTestClient anonymous,
            JdbcTemplate sql,
            String screen,
            Instant hour,
            Map<String, Integer> fullPlays) {
        Map<String, Object> issued = admin.post()
                .uri("/api/v1/screens/{id}/agent-token", screen)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        String token = (String) Objects.requireNonNull(issued).get("token");
        List<Map<String, Object>> plays = new ArrayList<>();
        fullPlays.forEach((campaign, count) -> {
            List<ScheduledSpots.Spot> spots = ScheduledSpots.of(sql, screen, campaign, hour, hour.plusSeconds(3600));
            if (spots.size() < count) {
                throw new IllegalStateException(screen + " has " + spots.size() + " spots of " + campaign + " in "
                        + hour + ", fewer than the " + count + " plays asked for");
            }
            spots.subList(0, count).forEach(spot -> plays.add(spot.play(screen, 15_000)));
        });
        anonymous
                .mutate()
                .defaultHeaders(headers -> headers.setBearerAuth(token))
                .build()
                .post()
                .uri("/agent/v1/plays")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("plays", plays))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accepted.length()")
                .isEqualTo(plays.size());
    }

    /** A public-service ad with a guaranteed frequency. */
    public static Map<String, Object> publicService(String id, String station) {
        Map<String, Object> campaign = commercial(id, station, "1/h");
        campaign.put("kind", "PUBLIC_SERVICE");
        campaign.put("priceCents", 0);
        return campaign;
    }
}
