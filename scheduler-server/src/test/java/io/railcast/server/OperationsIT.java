package io.railcast.server;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.planning.PlanningService;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** Health components for the scheduler and the last plan, and RailCast's own metrics in Prometheus's format. */
class OperationsIT extends ServerIntegrationTest {

    @Autowired
    private PlanningService planning;

    @BeforeEach
    void plannedAtStart() {
        planning.ready().block(Duration.ofMinutes(3));
    }

    @Test
    void reportsTheSchedulerAndTheLastPlanInHealth() {
        long latest = count("schedule_version");
        admin().get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.planning.status")
                .isEqualTo("UP")
                .jsonPath("$.components.planning.details.version")
                .value(Number.class, version -> assertThat(version.longValue()).isGreaterThanOrEqualTo(latest))
                .jsonPath("$.components.planning.details.lastRun.outcome")
                .exists()
                .jsonPath("$.components.quartz.status")
                .isEqualTo("UP")
                .jsonPath("$.components.quartz.details.clustered")
                .isEqualTo(true)
                .jsonPath("$.components.db.status")
                .isEqualTo("UP");
        anonymous
                .get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.components")
                .doesNotExist();
    }

    @Test
    void exposesPlanningAndAgentMetricsToPrometheus() {
        String before = prometheus();
        assertThat(before)
                .contains(
                        "railcast_plan_duration_seconds_count{outcome=\"PUBLISHED\"}",
                        "railcast_plan_duration_seconds_sum{outcome=\"FAILED\"}",
                        "railcast_versions_published_total",
                        "railcast_agent_connected",
                        "railcast_agent_plays_total{outcome=\"accepted\"}",
                        "railcast_agent_screens{state=\"stale\"}",
                        "railcast_agent_screens{state=\"offline\"}");
        double published = value(before, "railcast_versions_published_total");
        double runs = value(before, "railcast_plan_duration_seconds_count{outcome=\"PUBLISHED\"}");
        long versions = count("schedule_version");

        Bookings.ensureCreative(admin(), sql());
        as("planner")
                .post()
                .uri("/api/v1/campaigns")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(commercial("OPS-1", Bookings.stations(sql()).get(3), "2/h"))
                .exchange()
                .expectStatus()
                .isCreated();

        // the booking publishes one version, and one more when it first re-plans a network other tests changed
        String after = prometheus();
        long added = count("schedule_version") - versions;
        assertThat(added).isPositive();
        assertThat(value(after, "railcast_versions_published_total")).isEqualTo(published + added);
        assertThat(value(after, "railcast_plan_duration_seconds_count{outcome=\"PUBLISHED\"}"))
                .isEqualTo(runs + added);
    }

    private String prometheus() {
        return admin().get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    /** The value of the sample named exactly {@code series} (name and labels as Prometheus writes them). */
    private static double value(String exposition, String series) {
        Matcher sample = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE)
                .matcher(exposition);
        assertThat(sample.find()).as("sample %s", series).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
