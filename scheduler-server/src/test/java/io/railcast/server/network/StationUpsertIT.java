package io.railcast.server.network;

import static io.railcast.server.network.StationApiIT.expectInvalid;
import static io.railcast.server.network.StationApiIT.station;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A station import that updates the stations it names that exist ({@code upsert=true}), in stations of its own. */
class StationUpsertIT extends ServerIntegrationTest {

    @Test
    void updatesTheStationsThatExistAndAddsTheRestInOneRequest() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("UPS-A", "省U", "局U", "STANDARD"))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> changed = station("UPS-A", "省U", "局U", "HUB");
        changed.put("operatingHours", "06:00-22:00");
        admin().post()
                .uri("/api/v1/stations?upsert=true")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(changed, station("UPS-B", "省U", "局U", "MAJOR")))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.created")
                .isEqualTo(1)
                .jsonPath("$.updated")
                .isEqualTo(1);
        assertThat(count("station where code = 'UPS-A' and tier = 'HUB' and opens = '06:00'"))
                .isOne();
        assertThat(count("station where code = 'UPS-B'")).isOne();
        assertThat(count("audit_log where object_type = 'station' and object_id = 'UPS-A' and kind = 'update'"
                        + " and before->>'tier' = 'STANDARD' and after->>'tier' = 'HUB'"))
                .isOne();
    }

    @Test
    void oneBadRowUpdatesNothing() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("UPS-C", "省U", "局U", "STANDARD"))
                .exchange()
                .expectStatus()
                .isCreated();
        Map<String, Object> bad = station("UPS-D", "省U", "局U", "MAJOR");
        bad.put("tier", "NONE");
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/stations?upsert=true")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(List.of(station("UPS-C", "省U", "局U", "HUB"), bad))
                                .exchange(),
                        "Invalid station")
                .jsonPath("$.errors[0].index")
                .isEqualTo(1);
        assertThat(count("station where code = 'UPS-C' and tier = 'STANDARD'")).isOne();
        assertThat(count("station where code = 'UPS-D'")).isZero();
    }

    @Test
    void withoutUpsertATakenCodeIsStillRefused() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("UPS-E", "省U", "局U", "STANDARD"))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(station("UPS-E", "省U", "局U", "HUB")))
                .exchange()
                .expectStatus()
                .isEqualTo(409);
    }
}
