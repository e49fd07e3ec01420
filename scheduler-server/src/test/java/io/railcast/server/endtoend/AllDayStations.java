package io.railcast.server.endtoend;

import io.railcast.server.Bookings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Stations of the end-to-end tests, open all day ({@code 00:00-00:00}) so the tests find their screens on air at any
 * hour (the demo's stations close at night), with a filler campaign of their own whose booking plans them in. Their
 * codes have a hyphen, which keeps them out of the demo-station queries of the other tests ({@code ^[A-Z]+$}).
 */
final class AllDayStations {

    static final String FILLER_CREATIVE = "E2E-FILL-5";

    private AllDayStations() {}

    /** Creates the stations with {@code screens} screens each and books the filler, unless they exist already. */
    static void ensure(WebTestClient admin, JdbcTemplate sql, Map<String, Integer> screens) {
        Long existing = sql.queryForObject(
                "select count(*) from station where code = ?",
                Long.class,
                screens.keySet().iterator().next());
        if (existing != null && existing > 0) {
            return;
        }
        Map<String, Object> demo = sql.queryForMap("select province, bureau from station order by code limit 1");
        List<Map<String, Object>> stations = new ArrayList<>();
        List<Map<String, Object>> screenRows = new ArrayList<>();
        screens.forEach((code, count) -> {
            stations.add(Map.of(
                    "code",
                    code,
                    "name",
                    "端到端 " + code,
                    "province",
                    demo.get("province"),
                    "bureau",
                    demo.get("bureau"),
                    "tier",
                    "STANDARD",
                    "operatingHours",
                    "00:00-00:00"));
            for (int i = 1; i <= count; i++) {
                screenRows.add(Map.of(
                        "id",
                        code + "-%02d".formatted(i),
                        "station",
                        code,
                        "type",
                        "LCD_FRAME",
                        "zone",
                        "waiting-hall"));
            }
        });
        admin.post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(stations)
                .exchange()
                .expectStatus()
                .isCreated();
        admin.post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screenRows)
                .exchange()
                .expectStatus()
                .isCreated();
        admin.post()
                .uri(
                        "/api/v1/creatives?id={id}&durationSeconds=5&screenTypes=LED_LARGE,LCD_FRAME,TV_SET",
                        FILLER_CREATIVE)
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 'e', '2', 'e'})
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> filler = new LinkedHashMap<>(Bookings.commercial("E2E-FILLER", "-", "1/h"));
        filler.put("kind", "FILLER");
        filler.remove("frequency");
        filler.put("priceCents", 0);
        filler.put("creatives", List.of(Map.of("id", FILLER_CREATIVE, "weight", 1)));
        filler.put("targeting", Map.of("stations", List.copyOf(screens.keySet())));
        admin.post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filler)
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
