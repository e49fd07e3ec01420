package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A full re-plan asked for through the API: started at once, streamed hour by hour, and its end kept. */
class ReplanIT extends ServerIntegrationTest {

    @Test
    void startsAFullReplanThatStreamsItsProgressAndKeepsItsEnd() {
        List<ReplanRun> asked = new ArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> seen = new ArrayList<>();
        // the events may overtake the answer to the POST: they are looked at once the run has ended
        StepVerifier.create(replanEvents().takeUntil(event -> "plan-finished".equals(event.event())))
                .then(() -> asked.add(admin().post().uri("/api/v1/plans/replan").exchange()
                        .expectStatus().isAccepted()
                        .expectHeader().location("/api/v1/plans/replan")
                        .expectBody(ReplanRun.class).returnResult().getResponseBody()))
                .recordWith(() -> seen)
                .thenConsumeWhile(event -> true)
                .expectComplete()
                .verify(Duration.ofMinutes(2));

        ReplanRun run = asked.get(0);
        assertThat(run.state()).isEqualTo(ReplanRun.QUEUED);
        assertThat(run.askedBy()).isEqualTo(USER);
        assertThat(run.reason()).isEqualTo("re-plan #" + run.id() + " asked by " + USER);
        assertThat(seen).allSatisfy(event -> assertThat(event.data()).containsEntry("reason", run.reason()));
        assertThat(seen.get(0).event()).isEqualTo("plan-started");
        assertThat(seen.get(seen.size() - 1).event()).isEqualTo("plan-finished");
        assertThat(seen.get(seen.size() - 1).data()).containsKeys("version", "millis");
        List<int[]> progress = seen.subList(1, seen.size() - 1).stream().map(event -> {
            assertThat(event.event()).isEqualTo("plan-progress");
            return new int[] {((Number) event.data().get("hoursSolved")).intValue(),
                ((Number) event.data().get("hoursTotal")).intValue()};
        }).toList();
        assertThat(progress).hasSizeGreaterThan(1);
        int total = progress.get(0)[1];
        assertThat(total).isPositive();
        for (int i = 0; i < progress.size(); i++) {
            assertThat(progress.get(i)[1]).isEqualTo(total);
            assertThat(progress.get(i)[0]).isGreaterThan(i == 0 ? 0 : progress.get(i - 1)[0]);
        }
        assertThat(progress.get(progress.size() - 1)[0]).isEqualTo(total);

        // asked again later (a page opened again), the run tells how it ended
        Long latest = sql().queryForObject("select max(version) from schedule_version", Long.class);
        as("operator").get().uri("/api/v1/plans/replan").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(run.id())
                .jsonPath("$.state").isEqualTo(ReplanRun.DONE)
                .jsonPath("$.hoursSolved").isEqualTo(total)
                .jsonPath("$.hoursTotal").isEqualTo(total)
                .jsonPath("$.version").isEqualTo(latest)
                .jsonPath("$.outcome").value(outcome -> assertThat(outcome).isIn("PUBLISHED", "UNCHANGED"));
    }

    @Test
    void refusesASecondReplanWhileOneRunsAndAnyReplanToAPlanner() {
        as("planner").post().uri("/api/v1/plans/replan").exchange()
                .expectStatus().isForbidden();
        List<ReplanRun> asked = new ArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> finished = new ArrayList<>();
        StepVerifier.create(replanEvents().filter(event -> "plan-finished".equals(event.event())).take(1))
                .then(() -> {
                    asked.add(admin().post().uri("/api/v1/plans/replan").exchange()
                            .expectStatus().isAccepted()
                            .expectBody(ReplanRun.class).returnResult().getResponseBody());
                    // a full plan of the demo takes seconds: the second ask comes while the first is under way
                    admin().post().uri("/api/v1/plans/replan").exchange()
                            .expectStatus().isEqualTo(409)
                            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .expectBody()
                            .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                                    .startsWith("Re-plan #" + asked.get(0).id() + " has not ended"));
                })
                .recordWith(() -> finished)
                .thenConsumeWhile(event -> true)
                .expectComplete()
                .verify(Duration.ofMinutes(2));
        assertThat(finished.get(0).data()).containsEntry("reason", asked.get(0).reason());
        as("operator").get().uri("/api/v1/plans/replan").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(asked.get(0).id())
                .jsonPath("$.state").isEqualTo(ReplanRun.DONE);
    }

    /** The planner's events of re-plans asked for through the API, from the moment of the call. */
    private Flux<ServerSentEvent<Map<String, Object>>> replanEvents() {
        return as("operator").get().uri("/api/v1/plans/events")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() { })
                .getResponseBody()
                .filter(event -> event.event() != null && event.data() != null
                        && String.valueOf(event.data().get("reason")).startsWith("re-plan #"));
    }
}
