package io.railcast.server.network;

import static io.railcast.server.network.StationApiIT.expectInvalid;
import static io.railcast.server.network.StationApiIT.station;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code /api/v1/screens} against the real server and database, in stations of its own. */
class ScreenApiIT extends ServerIntegrationTest {

    @BeforeEach
    void stations() {
        if (count("station where code in ('SCR-A', 'SCR-B')") == 0) {
            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(station("SCR-A", "省1", "局1", "HUB"), station("SCR-B", "省1", "局1", "MAJOR")))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
    }

    @Test
    void addsAScreenWithTheStandardLoopAndListsItByStation() {
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screen("A-LED-1", "SCR-A", "led_large"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/screens/A-LED-1")
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("LED_LARGE")
                .jsonPath("$.loopPolicy.loopSeconds")
                .isEqualTo(300)
                .jsonPath("$.loopPolicy.slotSeconds")
                .isEqualTo(5)
                .jsonPath("$.createdAt")
                .isNotEmpty();
        admin().get()
                .uri("/api/v1/screens?station=SCR-A")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(ScreenView.class)
                .value(screens -> assertThat(screens).extracting(ScreenView::id).contains("A-LED-1"));
        admin().get()
                .uri("/api/v1/screens?station=SCR-B")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(ScreenView.class)
                .value(screens -> assertThat(screens).extracting(ScreenView::id).doesNotContain("A-LED-1"));
    }

    @Test
    void importsManyScreensInOneRequest() {
        List<Map<String, Object>> screens = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> screen = screen("B-LCD-" + i, "SCR-B", "LCD_FRAME");
            screen.put("loopPolicy", Map.of("loopSeconds", 600, "slotSeconds", 15));
            screens.add(screen);
        }
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screens)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.created")
                .isEqualTo(300);
        assertThat(count("screen where station_code = 'SCR-B' and loop_seconds = 600 and slot_seconds = 15"))
                .isEqualTo(300);
    }

    @Test
    void refusesAScreenInAnUnknownStationAndStoresNone() {
        long before = count("screen");
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/screens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(List.of(
                                        screen("A-TV-1", "SCR-A", "TV_SET"), screen("Z-TV-1", "NOWHERE", "TV_SET")))
                                .exchange(),
                        "Invalid screen")
                .jsonPath("$.errors[0].index")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("station")
                .jsonPath("$.errors[0].message")
                .isEqualTo("station NOWHERE is not known");
        assertThat(count("screen")).isEqualTo(before);
    }

    @Test
    void refusesALoopThatDoesNotDivideTheHourNamingTheNestedField() {
        Map<String, Object> screen = screen("A-LED-7", "SCR-A", "LED_LARGE");
        screen.put("loopPolicy", Map.of("loopSeconds", 7));
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/screens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(screen)
                                .exchange(),
                        "Invalid screen")
                .jsonPath("$.errors[0].field")
                .isEqualTo("loopPolicy.loopSeconds")
                .jsonPath("$.errors[0].message")
                .isEqualTo("loopSeconds must divide 3600, got 7");
    }

    @Test
    void refusesAFieldOfTheWrongJsonType() {
        Map<String, Object> screen = screen("A-LED-8", "SCR-A", "LED_LARGE");
        screen.put("loopPolicy", Map.of("loopSeconds", "five minutes"));
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/screens")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(screen)
                                .exchange(),
                        "Invalid screen")
                .jsonPath("$.errors[0].field")
                .isEqualTo("loopPolicy.loopSeconds")
                .jsonPath("$.errors[0].message")
                .isEqualTo("loopSeconds must be a whole number");
    }

    @Test
    void refusesAnIdThatExistsWithConflict() {
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screen("A-DUP", "SCR-A", "TV_SET"))
                .exchange()
                .expectStatus()
                .isCreated();
        long before = count("screen");
        admin().post()
                .uri("/api/v1/screens")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(screen("A-DUP", "SCR-A", "TV_SET"))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
        assertThat(count("screen")).isEqualTo(before);
    }

    @Test
    void answersAnUnknownScreenWithNotFound() {
        admin().get()
                .uri("/api/v1/screens/NOPE")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static Map<String, Object> screen(String id, String station, String type) {
        Map<String, Object> screen = new LinkedHashMap<>();
        screen.put("id", id);
        screen.put("station", station);
        screen.put("type", type);
        screen.put("zone", "waiting-hall");
        return screen;
    }
}
