package io.railcast.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code /api/v1/stations} against the real server and database. Each test uses codes of its own. */
class StationApiIT extends ServerIntegrationTest {

    private static final String[] TIERS = {"HUB", "MAJOR", "STANDARD"};

    @Test
    void importsTwoThousandStationsInOneRequestAndFiltersThem() {
        List<Map<String, Object>> stations = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            stations.add(station(String.format("IMP%04d", i), "省" + (i % 20), "局" + (i % 7), TIERS[i % 3]));
        }
        long before = count("station");

        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(stations)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.created")
                .isEqualTo(2000);

        assertThat(count("station")).isEqualTo(before + 2000);
        admin().get()
                .uri("/api/v1/stations?province={p}", "省7")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(StationPayload.class)
                .hasSize(100);
        long expected = java.util.stream.IntStream.range(0, 2000)
                .filter(i -> i % 20 == 7 && i % 7 == 3 && i % 3 == 1)
                .count();
        admin().get()
                .uri("/api/v1/stations?province={p}&bureau={b}&tier=major", "省7", "局3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(StationPayload.class)
                .hasSize((int) expected)
                .value(list ->
                        assertThat(list).allSatisfy(s -> assertThat(s.tier()).isEqualTo("MAJOR")));
        admin().get()
                .uri("/api/v1/stations/IMP0042")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(StationPayload.class)
                .isEqualTo(
                        new StationPayload("IMP0042", "站IMP0042", "省2", "局0", "HUB", "Asia/Shanghai", "05:30-00:30"));
    }

    @Test
    void addsOneStationAndAnswersWithItsLocation() {
        Map<String, Object> station = station("ONE1", "北京南站", "北京", "北京局", "hub");
        station.put("operatingHours", "00:00-00:00");
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/stations/ONE1")
                .expectBody()
                .jsonPath("$.tier")
                .isEqualTo("HUB")
                .jsonPath("$.zone")
                .isEqualTo("Asia/Shanghai")
                .jsonPath("$.operatingHours")
                .isEqualTo("00:00-00:00");
    }

    @Test
    void answersAnUnknownCodeWithNotFound() {
        admin().get()
                .uri("/api/v1/stations/NOPE")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Unknown station");
    }

    @Test
    void refusesMalformedJsonAndStoresNothing() {
        long before = count("station");
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"code\": \"BAD1\", \"name\": }]")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Malformed JSON")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("line 1, column"));
        assertThat(count("station")).isEqualTo(before);
    }

    @Test
    void refusesAStationWithoutANameNamingTheField() {
        Map<String, Object> station = station("MISS1", "x", "北京", "北京局", "HUB");
        station.remove("name");
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/stations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(station)
                                .exchange(),
                        "Invalid station")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name")
                .jsonPath("$.errors[0].message")
                .isEqualTo("name must not be blank")
                .jsonPath("$.errors[0].index")
                .doesNotExist();
        assertThat(sql().queryForObject("select count(*) from station where code = 'MISS1'", Long.class))
                .isZero();
    }

    @Test
    void refusesAnUnknownTierAndImpossibleHoursWithTheDomainsMessages() {
        Map<String, Object> station = station("TIER1", "x", "北京", "北京局", "GIANT");
        station.put("operatingHours", "05:40-05:10");
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/stations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(station)
                                .exchange(),
                        "Invalid station")
                .jsonPath("$.errors[0].field")
                .isEqualTo("tier")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat((String) m).contains("HUB, MAJOR, STANDARD"))
                .jsonPath("$.errors[1].field")
                .isEqualTo("operatingHours")
                .jsonPath("$.errors[1].message")
                .value(m -> assertThat((String) m).contains("split clock hour 5"));
    }

    @Test
    void storesNoneOfABulkImportWithOneBadRow() {
        List<Map<String, Object>> stations = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            stations.add(station(String.format("ROW%03d", i), "省1", "局1", "STANDARD"));
        }
        stations.get(321).put("zone", "Mars/Olympus");
        long before = count("station");
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/stations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(stations)
                                .exchange(),
                        "Invalid station")
                .jsonPath("$.errors.length()")
                .isEqualTo(1)
                .jsonPath("$.errors[0].index")
                .isEqualTo(321)
                .jsonPath("$.errors[0].field")
                .isEqualTo("zone");
        assertThat(count("station")).isEqualTo(before);
    }

    @Test
    void refusesACodeThatExistsWithConflictAndStoresNothing() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(station("DUP1", "省1", "局1", "HUB"))
                .exchange()
                .expectStatus()
                .isCreated();
        long before = count("station");
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(List.of(station("DUP2", "省1", "局1", "HUB"), station("DUP1", "省1", "局1", "HUB")))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Station exists")
                .jsonPath("$.errors[0].index")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("code");
        assertThat(count("station")).isEqualTo(before);
    }

    @Test
    void refusesACodeRepeatedWithinOneRequest() {
        long before = count("station");
        expectInvalid(
                        admin().post()
                                .uri("/api/v1/stations")
                                .contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(List.of(
                                        station("TWICE", "省1", "局1", "HUB"), station("TWICE", "省1", "局1", "HUB")))
                                .exchange(),
                        "Invalid station")
                .jsonPath("$.errors[0].index")
                .isEqualTo(1)
                .jsonPath("$.errors[0].field")
                .isEqualTo("code");
        assertThat(count("station")).isEqualTo(before);
    }

    @Test
    void refusesAnEmptyBody() {
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo("The request has no body; send JSON.");
    }

    @Test
    void refusesABodyOverTheSixteenMegabyteLimit() {
        String padding = "x".repeat(17 * 1024 * 1024);
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("[{\"code\": \"" + padding + "\"}]")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAWrongContentType() {
        long before = count("station");
        admin().post()
                .uri("/api/v1/stations")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("code=X1")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(415);
        assertThat(count("station")).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownTierFilter() {
        expectInvalid(admin().get().uri("/api/v1/stations?tier=giant").exchange(), "Invalid filter")
                .jsonPath("$.errors[0].field")
                .isEqualTo("tier");
    }

    @Test
    void findsStationsByTextInTheirCodeOrNameInAnyCaseWithWildcardsTakenLiterally() {
        if (count("station where code like 'QFIND-%'") == 0) {
            admin().post()
                    .uri("/api/v1/stations")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(List.of(
                            station("QFIND-1", "查找南站", "省Q", "局Q", "HUB"),
                            station("QFIND-2", "查找东站", "省Q", "局Q", "STANDARD"),
                            station("QFIND-3", "100%_站", "省Q", "局Q", "STANDARD")))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }
        admin().get()
                .uri("/api/v1/stations?q={q}", "qfind-")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(StationPayload.class)
                .value(list -> assertThat(list)
                        .extracting(StationPayload::code)
                        .containsExactly("QFIND-1", "QFIND-2", "QFIND-3"));
        admin().get()
                .uri("/api/v1/stations?q={q}&province={p}", "查找东", "省Q")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(StationPayload.class)
                .value(list -> assertThat(list).extracting(StationPayload::code).containsExactly("QFIND-2"));
        admin().get()
                .uri("/api/v1/stations?q={q}", "%_")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBodyList(StationPayload.class)
                .value(list -> assertThat(list).extracting(StationPayload::code).containsExactly("QFIND-3"));
        expectInvalid(
                        admin().get()
                                .uri("/api/v1/stations?q={q}", "x".repeat(65))
                                .exchange(),
                        "Invalid filter")
                .jsonPath("$.errors[0].field")
                .isEqualTo("q");
    }

    static Map<String, Object> station(String code, String province, String bureau, String tier) {
        Map<String, Object> station = new LinkedHashMap<>();
        station.put("code", code);
        station.put("name", "站" + code);
        station.put("province", province);
        station.put("bureau", bureau);
        station.put("tier", tier);
        station.put("operatingHours", "05:30-00:30");
        return station;
    }

    private static Map<String, Object> station(String code, String name, String province, String bureau, String tier) {
        Map<String, Object> station = station(code, province, bureau, tier);
        station.put("name", name);
        return station;
    }

    static WebTestClient.BodyContentSpec expectInvalid(WebTestClient.ResponseSpec response, String title) {
        return response.expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(400)
                .jsonPath("$.title")
                .isEqualTo(title);
    }
}
