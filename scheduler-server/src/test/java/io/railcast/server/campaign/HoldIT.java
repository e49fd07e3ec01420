package io.railcast.server.campaign;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Holds (options): airtime kept for a proposed campaign is counted as booked by everyone's checks and bookings,
 * never airs, and is confirmed into a booking, released, or expires. Each test has an all-day station of its own
 * (no demo booking there), where one campaign of 12 plays of a 15 s spot every 5 minutes fits and two cannot.
 */
class HoldIT extends ServerIntegrationTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @Autowired
    private Scheduler scheduler;

    @BeforeEach
    void creative() {
        Bookings.ensureCreative(admin(), sql());
    }

    @Test
    void holdBlocksAnotherPlannersBookingNeverAirsAndIsConfirmedIntoABooking() {
        allDayStation("HLD-A");
        LocalDate today = Bookings.today();
        Map<String, Object> held = hold(as("planner"), commercial("HOLD-A1", "HLD-A", "12/5min", today))
                .expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        long id = ((Number) held.get("id")).longValue();
        assertThat(Instant.parse((String) held.get("expiresAt")))
                .as("held for the default 7 days")
                .isCloseTo(Instant.now().plus(Duration.ofDays(7)), within(Duration.ofMinutes(5)));
        assertThat(count("hour_plan where body::text like '%HOLD-A1%'"))
                .as("a hold never airs")
                .isZero();

        Map<String, Object> refused = book(admin(), commercial("BOOK-A2", "HLD-A", "12/5min", today))
                .expectStatus()
                .isEqualTo(409)
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        assertThat(refused).containsEntry("type", "/problems/overbooked");
        assertThat(list(refused, "shortfalls")).isNotEmpty().allSatisfy(s -> {
            assertThat(s).containsEntry("station", "HLD-A");
            assertThat(LocalDate.parse((String) s.get("date"))).isBetween(today, today.plusDays(9));
        });
        assertThat(list(refused, "shortfalls"))
                .extracting(s -> s.get("date"))
                .as("the hold is counted in the plan's days and past them")
                .contains(today.toString(), today.plusDays(9).toString());

        as("planner")
                .get()
                .uri("/api/v1/holds/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.campaign.id")
                .isEqualTo("HOLD-A1");
        as("planner")
                .post()
                .uri("/api/v1/holds/{id}/confirm", id)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/campaigns/HOLD-A1")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("ACTIVE");
        as("planner")
                .get()
                .uri("/api/v1/holds/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(count("hold where campaign_id = 'HOLD-A1'")).isZero();
        assertThat(count("hour_plan where body::text like '%HOLD-A1%'"))
                .as("confirmed, it airs")
                .isPositive();
        assertThat(sql().queryForList(
                                "select kind from audit_log where object_type = 'hold' and object_id = ? order by id",
                                String.class,
                                Long.toString(id)))
                .containsExactly("hold", "confirm");

        book(admin(), commercial("BOOK-A2", "HLD-A", "12/5min", today))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/overbooked");
    }

    @Test
    void anExpiredHoldIsCountedNowhereAndTheJobReleasesIt() throws Exception {
        allDayStation("HLD-B");
        LocalDate first = Bookings.today().plusDays(30);
        long id = holdId(hold(as("planner"), commercial("HOLD-B1", "HLD-B", "12/5min", first)));
        book(admin(), commercial("BOOK-B2", "HLD-B", "12/5min", first))
                .expectStatus()
                .isEqualTo(409);

        // eight days pass for this hold: taken then, it expired a day ago
        sql().update(
                        "update hold set created_at = created_at - interval '8 days',"
                                + " expires_at = expires_at - interval '8 days' where id = ?",
                        id);
        as("planner")
                .get()
                .uri("/api/v1/holds/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(as("planner")
                        .get()
                        .uri("/api/v1/holds?heldBy=planner&limit=1000")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                        .returnResult()
                        .getResponseBody())
                .noneSatisfy(h -> assertThat(h.get("id")).isEqualTo((int) id));
        admin().post()
                .uri("/api/v1/campaigns/availability")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("BOOK-B2", "HLD-B", "12/5min", first))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.fits")
                .isEqualTo(true);
        assertThat(count("hold where id = " + id))
                .as("still stored until the job runs")
                .isOne();

        CompletableFuture<JobExecutionContext> ran = new CompletableFuture<>();
        JobListener listener = listener(ran);
        scheduler.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(HoldExpirySchedule.JOB));
        try {
            scheduler.triggerJob(HoldExpirySchedule.JOB);
            JobExecutionContext context = ran.get(2, TimeUnit.MINUTES);
            assertThat((Long) context.getResult()).isGreaterThanOrEqualTo(1L);
        } finally {
            scheduler.getListenerManager().removeJobListener(listener.getName());
        }
        assertThat(count("hold where id = " + id)).isZero();
        assertThat(count("audit_log where object_type = 'hold' and kind = 'expire' and object_id = '" + id + "'"))
                .isOne();
        book(admin(), commercial("BOOK-B2", "HLD-B", "12/5min", first))
                .expectStatus()
                .isCreated();
    }

    @Test
    void aReleasedHoldFreesItsAirtimeAndOnlyThoseWhoMayBookHold() {
        allDayStation("HLD-C");
        LocalDate first = Bookings.today().plusDays(20);
        hold(as("operator"), commercial("HOLD-C0", "HLD-C", "12/5min", first))
                .expectStatus()
                .isForbidden();
        hold(as("csr"), commercial("HOLD-C0", "HLD-C", "12/5min", first))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/forbidden-kind");
        long id = holdId(hold(as("planner"), commercial("HOLD-C1", "HLD-C", "12/5min", first)));
        hold(admin(), commercial("HOLD-C2", "HLD-C", "12/5min", first))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/overbooked");
        book(admin(), commercial("HOLD-C1", "HLD-C", "1/h", first))
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("/problems/duplicate-campaign");

        as("operator")
                .delete()
                .uri("/api/v1/holds/{id}", id)
                .exchange()
                .expectStatus()
                .isForbidden();
        as("planner")
                .delete()
                .uri("/api/v1/holds/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        as("planner")
                .delete()
                .uri("/api/v1/holds/{id}", id)
                .exchange()
                .expectStatus()
                .isNotFound();
        as("planner").get().uri("/api/v1/holds/x1").exchange().expectStatus().isBadRequest();
        assertThat(count("audit_log where object_type = 'hold' and kind = 'release' and object_id = '" + id + "'"))
                .isOne();
        book(admin(), commercial("BOOK-C2", "HLD-C", "12/5min", first))
                .expectStatus()
                .isCreated();
    }

    private WebTestClient.ResponseSpec hold(WebTestClient client, Map<String, Object> campaign) {
        return client.post()
                .uri("/api/v1/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange();
    }

    private static WebTestClient.ResponseSpec book(WebTestClient client, Map<String, Object> campaign) {
        return client.post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(campaign)
                .exchange();
    }

    private static long holdId(WebTestClient.ResponseSpec response) {
        Map<String, Object> held = response.expectStatus()
                .isCreated()
                .expectBody(JSON)
                .returnResult()
                .getResponseBody();
        return ((Number) held.get("id")).longValue();
    }

    private static JobListener listener(CompletableFuture<JobExecutionContext> ran) {
        return new JobListener() {
            @Override
            public String getName() {
                return "hold-it";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {}

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {}

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                if (failure != null) {
                    ran.completeExceptionally(failure);
                } else {
                    ran.complete(context);
                }
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String member) {
        return (List<Map<String, Object>>) body.get(member);
    }

    private static org.assertj.core.data.TemporalUnitOffset within(Duration duration) {
        return new org.assertj.core.data.TemporalUnitWithinOffset(
                duration.toMinutes(), java.time.temporal.ChronoUnit.MINUTES);
    }
}
