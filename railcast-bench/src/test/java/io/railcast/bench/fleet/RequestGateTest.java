package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    @Test
    void letsNoMoreThanItsLimitInFlightAndStartsTheNextWhenOneEnds() {
        RequestGate gate = new RequestGate(2, Duration.ofMinutes(1));
        AtomicInteger started = new AtomicInteger();
        List<CompletableFuture<String>> calls = new ArrayList<>();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.add(call);
            answers.add(gate.submit(() -> {
                started.incrementAndGet();
                return call;
            }));
        }
        assertThat(started).hasValue(2);
        assertThat(gate.waiting()).isEqualTo(3);

        calls.get(0).complete("first");
        assertThat(answers.get(0)).isCompletedWithValue("first");
        assertThat(started).hasValue(3);

        calls.get(1).completeExceptionally(new IllegalStateException("refused"));
        assertThat(answers.get(1)).isCompletedExceptionally();
        assertThat(started).hasValue(4);
    }

    @Test
    void freesThePermitOfACallThatThrowsBeforeItStarts() {
        RequestGate gate = new RequestGate(1, Duration.ofMinutes(1));
        CompletableFuture<String> failed = gate.submit(() -> {
            throw new IllegalArgumentException("bad request");
        });
        assertThat(failed).isCompletedExceptionally();
        assertThat(gate.submit(() -> CompletableFuture.completedFuture("next"))).isCompletedWithValue("next");
    }

    @Test
    void failsACallPastItsDeadlineAndGivesItsPermitToTheNext() {
        RequestGate gate = new RequestGate(1, Duration.ofMillis(100));
        CompletableFuture<String> stuck = gate.submit(CompletableFuture::new); // a body that never ends
        CompletableFuture<String> next = gate.submit(() -> CompletableFuture.completedFuture("next"));
        assertThat(stuck).failsWithin(Duration.ofSeconds(10));
        assertThat(next).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("next");
    }
}
