package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** A full re-plan asked for through the API: started at once, streamed hour by hour, and its end kept. */
class ReplanIT extends ServerIntegrationTest {

    @Autowired
    private PlanningService planning;

    @Test
    void startsAFullReplanThatStreamsItsProgressAndKeepsItsEnd() {
        List<ReplanRun> asked = new ArrayList<>();
        List<ServerSentEvent<Map<String, Object>>> seen = new ArrayList<>();
        // the events may overtake the answer to the POST: they are looked at once the run has ended
        StepVerifier.create(replanEvents().takeUntil(event -> "plan-finished".equals(event.event())))
                .then(() -> asked.add(admin().post()
                        .uri("/api/v1/plans/replan")
                        .exchange()
                        .expectStatus()
                        .isAccepted()
                        .expectHeader()
                        .location("/api/v1/plans/replan")
                        .expectBody(ReplanRun.class)
                        .returnResult()
                        .getResponseBody()))
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
        List<int[]> progress = seen.subList(1, seen.size() - 1).stream()
                .map(event -> {
                    assertThat(event.event()).isEqualTo("plan-progress");
                    return new int[] {
                        ((Number) event.data().get("hoursSolved")).intValue(),
                        ((Number) event.data().get("hoursTotal")).intValue()
                    };
                })
                .toList();
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
        as("operator")
                .get()
                .uri("/api/v1/plans/replan")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(run.id())
                .jsonPath("$.state")
                .isEqualTo(ReplanRun.DONE)
                .jsonPath("$.hoursSolved")
                .isEqualTo(total)
                .jsonPath("$.hoursTotal")
                .isEqualTo(total)
                .jsonPath("$.version")
                .isEqualTo(latest)
                .jsonPath("$.outcome")
                .value(outcome -> assertThat(outcome).isIn("PUBLISHED", "UNCHANGED"));
    }

    @Test
    void refusesASecondReplanWhileOneRunsAndAnyReplanToAPlanner() throws InterruptedException {
        as("planner")
                .post()
                .uri("/api/v1/plans/replan")
                .exchange()
                .expectStatus()
                .isForbidden();
        // the planner tells its events on its own thread: held at the re-plan's start, the re-plan stays running
        // (a full plan of the demo can take only milliseconds)
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Disposable hold = planning.events()
                .filter(event ->
                        PlanEvent.STARTED.equals(event.type()) && event.reason().startsWith("re-plan #"))
                .take(1)
                .subscribe(event -> {
                    running.countDown();
                    try {
                        release.await(2, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
        List<ReplanRun> asked = new ArrayList<>();
        try {
            StepVerifier.create(planning.events()
                            .filter(event -> PlanEvent.FINISHED.equals(event.type())
                                    && event.reason().startsWith("re-plan #"))
                            .next())
                    .then(() -> {
                        asked.add(admin().post()
                                .uri("/api/v1/plans/replan")
                                .exchange()
                                .expectStatus()
                                .isAccepted()
                                .expectBody(ReplanRun.class)
                                .returnResult()
                                .getResponseBody());
                        awaitQuietly(running);
                        admin().post()
                                .uri("/api/v1/plans/replan")
                                .exchange()
                                .expectStatus()
                                .isEqualTo(409)
                                .expectHeader()
                                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .expectBody()
                                .jsonPath("$.detail")
                                .value(detail -> assertThat((String) detail)
                                        .startsWith("Re-plan #" + asked.get(0).id() + " has not ended"));
                        as("operator")
                                .get()
                                .uri("/api/v1/plans/replan")
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectBody()
                                .jsonPath("$.state")
                                .isEqualTo(ReplanRun.RUNNING);
                        release.countDown();
                    })
                    .assertNext(finished ->
                            assertThat(finished.reason()).isEqualTo(asked.get(0).reason()))
                    .expectComplete()
                    .verify(Duration.ofMinutes(2));
        } finally {
            release.countDown();
            hold.dispose();
        }
        as("operator")
                .get()
                .uri("/api/v1/plans/replan")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(asked.get(0).id())
                .jsonPath("$.state")
                .isEqualTo(ReplanRun.DONE);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertThat(latch.await(2, TimeUnit.MINUTES))
                    .as("the re-plan started")
                    .isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The planner's events of re-plans asked for through the API, from the moment of the call. */
    private Flux<ServerSentEvent<Map<String, Object>>> replanEvents() {
        return as("operator")
                .get()
                .uri("/api/v1/plans/events")
                .accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {})
                .getResponseBody()
                .filter(event -> event.event() != null
                        && event.data() != null
                        && String.valueOf(event.data().get("reason")).startsWith("re-plan #"));
    }
}
