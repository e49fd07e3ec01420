package io.railcast.server.campaign;

import static io.railcast.server.Bookings.commercial;
import static io.railcast.server.campaign.Requests.atOnce;
import static io.railcast.server.campaign.Requests.post;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A client that lost the answer to a booking or a hold sends the same request again, with the same id: answered 200
 * with what the first try stored, nothing stored, published or recorded a second time; anything else under a taken
 * id stays 409 {@code duplicate-campaign}. Each test books on an all-day station of its own.
 */
class RetriedBookingIT extends ServerIntegrationTest {

    @BeforeEach
    void creative() {
        Bookings.ensureCreative(admin(), sql());
    }

    @Test
    void aRetriedBookingIsAnsweredWithTheStoredCampaignAndStoresNothing() {
        allDayStation("RTY-A");
        Map<String, Object> campaign = commercial("RTY-A1", "RTY-A", "1/h");
        EntityExchangeResult<Map<String, Object>> first = post(as("planner"), "/api/v1/campaigns", campaign);
        assertThat(first.getStatus().value()).isEqualTo(201);
        long current = currentVersion();
        Map<String, Object> stored = getJson("planner", "/api/v1/campaigns/RTY-A1");

        // the same booking, as JSON written otherwise: kind in lower case, the default weight left out
        Map<String, Object> again = new LinkedHashMap<>(campaign);
        again.put("kind", "commercial");
        again.put("creatives", List.of(Map.of("id", Bookings.CREATIVE)));
        EntityExchangeResult<Map<String, Object>> retried = post(as("planner"), "/api/v1/campaigns", again);

        assertThat(retried.getStatus().value()).isEqualTo(200);
        assertThat(retried.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LOCATION))
                .isEqualTo("/api/v1/campaigns/RTY-A1");
        assertThat(retried.getResponseBody())
                .as("the campaign as GET shows it, booked with the version the first try published")
                .isEqualTo(stored)
                .isEqualTo(first.getResponseBody());
        assertThat(currentVersion()).as("nothing published").isEqualTo(current);
        assertThat(count("schedule_version where reason = 'booking of RTY-A1'")).isOne();
        assertThat(history("RTY-A1")).extracting(record -> record.get("kind")).containsExactly("create");
        assertThat(count("campaign where id = 'RTY-A1'")).isOne();
    }

    @Test
    void anotherCampaignUnderATakenIdIsRefusedSayingWhy() {
        allDayStation("RTY-B");
        Map<String, Object> campaign = commercial("RTY-B1", "RTY-B", "1/h");
        assertThat(post(as("planner"), "/api/v1/campaigns", campaign)
                        .getStatus()
                        .value())
                .isEqualTo(201);

        assertDuplicate(post(as("planner"), "/api/v1/campaigns", commercial("RTY-B1", "RTY-B", "2/h")), "differs");
        assertDuplicate(post(admin(), "/api/v1/campaigns", campaign), "booked by planner");
        postJson("planner", "/api/v1/campaigns/RTY-B1/pause");
        assertDuplicate(post(as("planner"), "/api/v1/campaigns", campaign), "paused");

        assertThat(count("schedule_version where reason like '% of RTY-B1'"))
                .as("the booking and the pause published, the refusals nothing")
                .isEqualTo(2);
        assertThat(history("RTY-B1")).extracting(record -> record.get("kind")).containsExactly("pause", "create");
    }

    @Test
    void twoIdenticalBookingsAtOnceStoreOneCampaignAndAnswerBoth() throws Exception {
        allDayStation("RTY-C");
        Map<String, Object> campaign = commercial("RTY-C1", "RTY-C", "1/h");
        List<EntityExchangeResult<Map<String, Object>>> answers = twiceAtOnce("/api/v1/campaigns", campaign);

        assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.get(0).getResponseBody()).isEqualTo(answers.get(1).getResponseBody());
        assertThat(count("campaign where id = 'RTY-C1'")).isOne();
        assertThat(history("RTY-C1")).extracting(record -> record.get("kind")).containsExactly("create");
        assertThat(count("schedule_version where reason = 'booking of RTY-C1'")).isOne();
    }

    @Test
    void aRetriedHoldIsAnsweredWithTheHoldInForceAndAnotherIsRefused() {
        allDayStation("RTY-D");
        Map<String, Object> campaign = commercial("RTY-D1", "RTY-D", "1/h");
        EntityExchangeResult<Map<String, Object>> first = post(as("planner"), "/api/v1/holds", campaign);
        assertThat(first.getStatus().value()).isEqualTo(201);
        Object id = first.getResponseBody().get("id");

        EntityExchangeResult<Map<String, Object>> retried = post(as("planner"), "/api/v1/holds", campaign);

        assertThat(retried.getStatus().value()).isEqualTo(200);
        assertThat(retried.getResponseHeaders().getFirst(HttpHeaders.CONTENT_LOCATION))
                .isEqualTo("/api/v1/holds/" + id);
        assertThat(retried.getResponseBody())
                .isEqualTo(first.getResponseBody())
                .isEqualTo(getJson("planner", "/api/v1/holds/{id}", id));
        assertThat(count("hold where campaign_id = 'RTY-D1'")).isOne();
        assertThat(count("audit_log where object_type = 'hold' and object_id = '" + id + "'"))
                .isOne();

        assertDuplicate(post(as("planner"), "/api/v1/holds", commercial("RTY-D1", "RTY-D", "2/h")), "differs");
        assertDuplicate(post(admin(), "/api/v1/holds", campaign), "by planner");
        assertDuplicate(post(as("planner"), "/api/v1/campaigns", campaign), "a hold has it");
        assertThat(count("hold where campaign_id = 'RTY-D1'")).isOne();
        assertThat(count("campaign where id = 'RTY-D1'")).isZero();
    }

    @Test
    void twoIdenticalHoldsAtOnceTakeOneHoldAndAnswerBoth() throws Exception {
        allDayStation("RTY-E");
        Map<String, Object> campaign = commercial("RTY-E1", "RTY-E", "1/h");
        List<EntityExchangeResult<Map<String, Object>>> answers = twiceAtOnce("/api/v1/holds", campaign);

        assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 200);
        assertThat(answers.get(0).getResponseBody()).isEqualTo(answers.get(1).getResponseBody());
        assertThat(count("hold where campaign_id = 'RTY-E1'")).isOne();
        assertThat(count("audit_log where object_type = 'hold' and object_id = '"
                        + answers.get(0).getResponseBody().get("id") + "'"))
                .isOne();
    }

    private void assertDuplicate(EntityExchangeResult<Map<String, Object>> answer, String why) {
        assertThat(answer.getStatus().value()).isEqualTo(409);
        assertThat(answer.getResponseBody()).containsEntry("type", "/problems/duplicate-campaign");
        assertThat((String) answer.getResponseBody().get("detail")).contains(why);
    }

    /** The same request, as the planner, twice at once. */
    private List<EntityExchangeResult<Map<String, Object>>> twiceAtOnce(String path, Map<String, Object> campaign)
            throws Exception {
        WebTestClient planner =
                as("planner").mutate().responseTimeout(Duration.ofMinutes(1)).build();
        // the planner's sign-in checked once first: then both calls are believed at once (railcast.sign-in.cache-ttl),
        // while two checks at once for one user are more than the sign-in limits let through (429)
        currentVersion();
        return atOnce(() -> post(planner, path, campaign), () -> post(planner, path, campaign));
    }

    private long currentVersion() {
        return ((Number) getJson("planner", "/api/v1/versions/current").get("version")).longValue();
    }

    private List<Map<String, Object>> history(String campaign) {
        return as("planner")
                .get()
                .uri("/api/v1/campaigns/{id}/history", campaign)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }
}
