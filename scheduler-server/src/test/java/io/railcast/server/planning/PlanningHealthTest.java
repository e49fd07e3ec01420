package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class PlanningHealthTest {

    private static final Instant AT = Instant.parse("2026-11-24T02:00:00Z");

    private final PublishedVersion version7 = new PublishedVersion(
            7,
            Instant.parse("2026-11-24T01:00:00Z"),
            Instant.parse("2026-11-24T01:00:00Z"),
            true,
            LocalDate.parse("2026-11-24"),
            4,
            "booking C-1");

    @Test
    void isOutOfServiceWhileNoVersionIsPublished() {
        assertThat(PlanningHealth.health(null, null).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(PlanningHealth.health(null, PlanEvent.finished("plan at start", null, "UNCHANGED", 0L, 5, AT))
                        .getStatus())
                .isEqualTo(Status.OUT_OF_SERVICE);
    }

    @Test
    void isDownWhenTheLastRunFailed() {
        Health health =
                PlanningHealth.health(version7, PlanEvent.finished("nightly re-plan", null, "FAILED", 7L, 90, AT));
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("version", 7L);
        @SuppressWarnings("unchecked")
        Map<String, Object> lastRun = (Map<String, Object>) health.getDetails().get("lastRun");
        assertThat(lastRun).containsEntry("outcome", "FAILED").containsEntry("reason", "nightly re-plan");
    }

    @Test
    void isUpOnceAVersionIsPublishedAndNoRunFailedLast() {
        assertThat(PlanningHealth.health(version7, null).getStatus()).isEqualTo(Status.UP);
        assertThat(PlanningHealth.health(version7, PlanEvent.finished("booking C-2", "C-2", "REFUSED", 7L, 30, AT))
                        .getStatus())
                .as("a refused booking is an answer, not a failure")
                .isEqualTo(Status.UP);
        assertThat(PlanningHealth.health(version7, PlanEvent.finished("booking C-3", "C-3", "PUBLISHED", 8L, 30, AT))
                        .getStatus())
                .isEqualTo(Status.UP);
    }
}
