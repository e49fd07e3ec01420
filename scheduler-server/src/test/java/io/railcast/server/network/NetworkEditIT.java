package io.railcast.server.network;

import static io.railcast.server.network.StationApiIT.expectInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Editing stations and screens ({@code PATCH}) against the real server and database, in a station of its own. */
class NetworkEditIT extends ServerIntegrationTest {

    @Test
    void editsAStationsNameTierHoursAndZoneAndRecordsBeforeAndAfter() {
        allDayStation("NED-A");
        admin().patch()
                .uri("/api/v1/stations/NED-A")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of(
                        "name", "新名 NED-A", "tier", "major", "operatingHours", "06:00-23:00", "zone", "Asia/Urumqi"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .exists(HttpHeaders.ETAG)
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("新名 NED-A")
                .jsonPath("$.tier")
                .isEqualTo("MAJOR")
                .jsonPath("$.operatingHours")
                .isEqualTo("06:00-23:00")
                .jsonPath("$.zone")
                .isEqualTo("Asia/Urumqi");
        assertThat(sql().queryForObject("select opens::text from station where code = 'NED-A'", String.class))
                .isEqualTo("06:00:00");
        String record = sql().queryForObject(
                        "select before->>'tier' || ' ' || (after->>'tier') from audit_log"
                                + " where object_type = 'station' and object_id = 'NED-A' and kind = 'update'",
                        String.class);
        assertThat(record).isEqualTo("STANDARD MAJOR");
    }

    @Test
    void refusesAnInvalidStationEditNamingTheFieldAndChangesNothing() {
        allDayStation("NED-B");
        expectInvalid(
                        admin().patch()
                                .uri("/api/v1/stations/NED-B")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("operatingHours", "25:00-03:00", "code", "OTHER"))
                                .exchange(),
                        "Invalid station")
                .jsonPath("$.errors[?(@.field == 'operatingHours')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'code')]")
                .exists();
        assertThat(count("station where code = 'NED-B' and opens = '00:00'")).isOne();
        assertThat(count("audit_log where object_id = 'NED-B' and kind = 'update'"))
                .isZero();
    }

    @Test
    void editsAScreensTypeZoneAndLoopPolicy() {
        String screen = allDayStation("NED-C");
        admin().patch()
                .uri("/api/v1/screens/" + screen)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("type", "led_large", "zone", "ticket-hall", "loopPolicy", Map.of("loopSeconds", 600)))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("LED_LARGE")
                .jsonPath("$.zone")
                .isEqualTo("ticket-hall")
                .jsonPath("$.loopPolicy.loopSeconds")
                .isEqualTo(600)
                .jsonPath("$.station")
                .isEqualTo("NED-C");
        assertThat(count("audit_log where object_type = 'screen' and object_id = '" + screen
                        + "' and kind = 'update' and before->>'zone' = 'waiting-hall'"
                        + " and after->>'zone' = 'ticket-hall'"))
                .isOne();
    }

    @Test
    void refusesAScreenEditThatMovesItOrBreaksItsLoop() {
        String screen = allDayStation("NED-D");
        expectInvalid(
                        admin().patch()
                                .uri("/api/v1/screens/" + screen)
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(Map.of("station", "NED-A", "loopPolicy", Map.of("loopSeconds", 7)))
                                .exchange(),
                        "Invalid screen")
                .jsonPath("$.errors[?(@.field == 'station')]")
                .exists()
                .jsonPath("$.errors[?(@.field == 'loopPolicy.loopSeconds')]")
                .exists();
    }

    @Test
    void anEditAgainstAnOlderETagIsRefusedWith412() {
        String screen = allDayStation("NED-E");
        String tag = admin().get()
                .uri("/api/v1/screens/" + screen)
                .exchange()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        admin().patch()
                .uri("/api/v1/screens/" + screen)
                .header(HttpHeaders.IF_MATCH, tag)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zone", "platform"))
                .exchange()
                .expectStatus()
                .isOk();
        admin().patch()
                .uri("/api/v1/screens/" + screen)
                .header(HttpHeaders.IF_MATCH, tag)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("zone", "exit"))
                .exchange()
                .expectStatus()
                .isEqualTo(412);
        assertThat(count("screen where id = '" + screen + "' and zone = 'platform'"))
                .isOne();
    }

    @Test
    void editingAnUnknownStationIs404() {
        admin().patch()
                .uri("/api/v1/stations/NED-NONE")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x"))
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void aStationsNewHoursArePublishedInANewVersionWithItsScreensDarkWhenClosed() {
        String screen = allDayStation("NED-F");
        long before = latestVersion();
        assertThat(closedAtThree(before, screen)).as("open all day").isFalse();
        admin().patch()
                .uri("/api/v1/stations/NED-F")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("operatingHours", "06:00-22:00"))
                .exchange()
                .expectStatus()
                .isOk();
        // the edit is planned and published on the planning thread after the answer: wait for it, with a deadline
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        long latest;
        do {
            latest = latestVersion();
        } while (!(latest > before && closedAtThree(latest, screen)) && System.nanoTime() < deadline);
        assertThat(latest).isGreaterThan(before);
        assertThat(closedAtThree(latest, screen))
                .as("dark at 03:00 in the version published after the edit")
                .isTrue();
    }

    private long latestVersion() {
        return Objects.requireNonNull(
                sql().queryForObject("select coalesce(max(version), 0) from schedule_version", Long.class));
    }

    /** Whether {@code version} plans nothing for {@code screen} at 03:00 on its first day. */
    private boolean closedAtThree(long version, String screen) {
        return Boolean.TRUE.equals(sql().queryForObject(
                        "select coalesce(bool_or(plan_ids[4] is null), false) from screen_schedule"
                                + " where version = ? and screen_id = ?",
                        Boolean.class,
                        version,
                        screen));
    }
}
