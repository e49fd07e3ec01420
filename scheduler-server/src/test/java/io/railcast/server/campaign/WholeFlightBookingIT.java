package io.railcast.server.campaign;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A booking is a promise for its whole flight: flights weeks past the planning horizon are checked day by day
 * against what is booked there, and a contract past the booking horizon is not sold at all.
 */
class WholeFlightBookingIT extends ServerIntegrationTest {

    /** Weeks past the 72 h plan: only the whole-flight check can see these days. */
    private static final int FIRST_DAY = 40;

    private String station;

    @BeforeEach
    void creativeAndStation() {
        Bookings.ensureCreative(admin(), sql());
        station = Bookings.stations(sql()).get(15);
    }

    /**
     * Three campaigns of 10 plays of a 15 s spot every 5 minutes (half of every hour) at one station, from day 40
     * to day 50: two fill every second of the hour (the PSA share, a soft rule, yields to contracted plays), three
     * cannot fit.
     */
    @Test
    void refusesFarFutureBookingsThatOverlapWhatIsSoldWithTheirShortfallsForTheWholeFlight() {
        LocalDate first = Bookings.today().plusDays(FIRST_DAY);
        Map<String, Object> answer = availability(commercial("FLIGHT-1", station, "10/5min", first));
        assertThat(answer).containsEntry("fits", true);
        assertThat((Integer) answer.get("days"))
                .as("the answer covers the flight, not only the plan's 3 days")
                .isEqualTo(FIRST_DAY + 10);

        book(commercial("FLIGHT-1", station, "10/5min", first)).expectStatus().isCreated();
        book(commercial("FLIGHT-2", station, "10/5min", first)).expectStatus().isCreated();
        long versions = count("schedule_version");

        Map<String, Object> refused = book(commercial("FLIGHT-3", station, "10/5min", first))
                .expectStatus()
                .isEqualTo(409)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();

        assertThat(refused).containsEntry("type", "/problems/overbooked").containsEntry("fits", false);
        assertThat(((Number) refused.get("shortSeconds")).longValue()).isPositive();
        List<Map<String, Object>> shortfalls = list(refused, "shortfalls");
        assertThat(shortfalls).isNotEmpty().allSatisfy(s -> {
            assertThat(s).containsEntry("station", station);
            assertThat(LocalDate.parse((String) s.get("date"))).isBetween(first, first.plusDays(9));
            assertThat(s.get("campaigns").toString()).contains("FLIGHT-3");
        });
        assertThat(shortfalls)
                .extracting(s -> s.get("date"))
                .as("every day of the flight is checked, the last one too")
                .contains(first.toString(), first.plusDays(9).toString());
        List<Map<String, Object>> byStation = list(refused, "byStation");
        assertThat(byStation).singleElement().satisfies(s -> {
            assertThat(s).containsEntry("station", station);
            assertThat(s).containsEntry("from", first.toString());
            assertThat(s).containsEntry("to", first.plusDays(9).toString());
            assertThat(s.get("stationHours")).isEqualTo(refused.get("stationHours"));
        });
        assertThat(count("campaign where id = 'FLIGHT-3'")).isZero();
        assertThat(count("schedule_version")).isEqualTo(versions);
    }

    @Test
    void refusesAContractPastTheBookingHorizonButNotAFiller() {
        // the server runs with the default horizon, 18 months past today
        LocalDate farDay = Bookings.today().plusMonths(18).plusDays(2);
        book(commercial("HORIZON-FAR", station, "1/h", farDay.minusDays(5)))
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("flight.end")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message)
                        .startsWith(
                                "flight.end: a contracted campaign is sold at most P18M ahead (railcast.booking.horizon):"
                                        + " its flight must end by "
                                        + Bookings.today().plusMonths(18).plusDays(1)
                                        + "T00:00"));
        assertThat(count("campaign where id = 'HORIZON-FAR'")).isZero();

        Map<String, Object> filler = commercial("HORIZON-FILLER", station, "1/h", farDay.minusDays(5));
        filler.put("kind", "FILLER");
        filler.remove("frequency");
        as("csr")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(filler)
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private WebTestClient.ResponseSpec book(Map<String, Object> campaign) {
        return as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange();
    }

    private Map<String, Object> availability(Map<String, Object> campaign) {
        return as("planner")
                .post()
                .uri("/api/v1/campaigns/availability")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String member) {
        return (List<Map<String, Object>>) body.get(member);
    }
}
