package io.railcast.server.makegood;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

/**
 * Owed plays are placed on the screens that will air them: a station's screen retired before the run counts for
 * nothing, so the plays reported placed are all plays its screens in service play. Its own station (MKG-R, two
 * screens, the second retired) and campaign (MKG-R1).
 */
class MakeGoodScreensIT extends ServerIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    @Test
    void placesOwedPlaysOnlyOnTheScreensStillInService() {
        Bookings.ensureCreative(admin(), sql());
        allDayStation("MKG-R");
        if (count("screen where id = 'MKG-R-02'") == 0) {
            post("/api/v1/screens", Map.of("id", "MKG-R-02", "station", "MKG-R", "type", "LCD_FRAME", "zone", "hall"));
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Bookings.commercial("MKG-R1", "MKG-R", "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
            admin().post()
                    .uri("/api/v1/screens/MKG-R-02/out-of-service")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("retired", true))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
        // yesterday the planner could not place 4 of MKG-R1's plays (as publication stores them)
        sql().update(
                        "insert into campaign_delivery (campaign_id, station_code, day, contracted_plays,"
                                + " scheduled_plays, scheduled_seconds, played_plays, reported_plays)"
                                + " values ('MKG-R1', 'MKG-R', ?, 10, 6, 90, 6, 6) on conflict do nothing",
                        Bookings.today().minusDays(1));

        as("planner")
                .post()
                .uri("/api/v1/make-goods/run")
                .exchange()
                .expectStatus()
                .isOk();

        Map<String, Object> madeGood = Objects.requireNonNull(as("operator")
                .get()
                .uri("/api/v1/make-goods?campaign=MKG-R1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(OBJECT)
                .returnResult()
                .getResponseBody());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> placements = (List<Map<String, Object>>) madeGood.get("placements");
        assertThat(placements)
                .singleElement()
                .satisfies(placement -> assertThat(placement)
                        .as("on the one screen in service")
                        .containsEntry("screens", 1)
                        .containsEntry("playsPerScreen", 4)
                        .containsEntry("plays", 4));
        assertThat(LocalDate.parse((String) placements.get(0).get("day"))).isAfterOrEqualTo(Bookings.today());
    }

    private void post(String uri, Object body) {
        admin().post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isCreated();
    }
}
