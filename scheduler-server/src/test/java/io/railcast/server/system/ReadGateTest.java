package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Two permits and one place in the queue. */
class ReadGateTest {

    private final ReadGate gate = new ReadGate(2, 1);

    @Test
    void admitsUpToItsPermitsQueuesTheNextAndTurnsAwayTheRest() {
        ReadGate.Entry first = gate.enter().block();
        ReadGate.Entry second = gate.enter().block();
        AtomicReference<ReadGate.Entry> queued = new AtomicReference<>();
        gate.enter().subscribe(queued::set);
        ReadGate.Entry fourth = gate.enter().block();

        assertThat(first.admitted()).isTrue();
        assertThat(second.admitted()).isTrue();
        assertThat(queued.get()).as("waits for a permit").isNull();
        assertThat(fourth.admitted()).isFalse();

        first.release();
        assertThat(queued.get().admitted()).isTrue();
        assertThat(gate.busy()).isEqualTo(2);
    }

    @Test
    void givesEachPermitBackOnceHoweverOftenItIsReleased() {
        ReadGate.Entry first = gate.enter().block();
        first.release();
        first.release();
        assertThat(gate.busy()).isZero();
        assertThat(gate.enter().block().admitted()).isTrue();
        assertThat(gate.enter().block().admitted()).isTrue();
        assertThat(gate.busy()).isEqualTo(2);
    }

    @Test
    void aWaiterThatGoesAwayLeavesTheQueue() {
        ReadGate.Entry first = gate.enter().block();
        gate.enter().block();
        Disposable waiter = gate.enter().subscribe();
        assertThat(gate.enter().block().admitted()).as("queue full").isFalse();

        waiter.dispose();
        assertThat(gate.busy()).isEqualTo(2);
        AtomicReference<ReadGate.Entry> next = new AtomicReference<>();
        gate.enter().subscribe(next::set);
        first.release();
        assertThat(next.get().admitted()).isTrue();
    }
}
