package io.railcast.server.system;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * At most {@code permits} holders at once and {@code queueCapacity} waiting in arrival order; anyone beyond is
 * turned away at once. Non-blocking: a waiter is a subscriber that is answered later, and one that cancels (a client
 * that went away) leaves the queue, or gives its permit back if it had just been handed one.
 */
final class ReadGate {

    /** The answer to {@link #enter}: a permit to release once done, or a refusal. */
    interface Entry {
        boolean admitted();

        void release();
    }

    private static final Entry REFUSED = new Entry() {
        @Override
        public boolean admitted() {
            return false;
        }

        @Override
        public void release() {
            // nothing was taken
        }
    };

    private final int permits;
    private final int queueCapacity;
    private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    private int inUse; // guarded by this, like waiting

    ReadGate(int permits, int queueCapacity) {
        this.permits = permits;
        this.queueCapacity = queueCapacity;
    }

    /** A permit now, a permit once one is released, or at once {@link Entry#admitted() not admitted}. */
    Mono<Entry> enter() {
        return Mono.create(sink -> {
            Permit now = null;
            Waiter waiter = null;
            synchronized (this) {
                if (inUse < permits) {
                    inUse++;
                    now = new Permit();
                } else if (waiting.size() < queueCapacity) {
                    waiter = new Waiter(sink);
                    waiting.add(waiter);
                }
            }
            if (now != null) {
                sink.success(now);
            } else if (waiter != null) {
                Waiter leaving = waiter;
                sink.onCancel(() -> leave(leaving));
            } else {
                sink.success(REFUSED);
            }
        });
    }

    /** Holders and waiters now, for tests and metrics. */
    synchronized int busy() {
        return inUse + waiting.size();
    }

    private void release() {
        Waiter next;
        Permit handed = null;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                inUse--;
            } else {
                handed = new Permit();
                next.permit = handed;
            }
        }
        if (next != null) {
            next.sink.success(handed);
        }
    }

    private void leave(Waiter waiter) {
        Permit handed;
        synchronized (this) {
            if (waiting.remove(waiter)) {
                return;
            }
            handed = waiter.permit;
        }
        if (handed != null) {
            handed.release(); // handed over as the subscriber went away: nobody else will give it back
        }
    }

    private static final class Waiter {
        final MonoSink<Entry> sink;

        @Nullable
        Permit permit; // set under the gate's lock when handed over

        Waiter(MonoSink<Entry> sink) {
            this.sink = sink;
        }
    }

    /** Released once, whoever calls first: the request when it ends, or a cancellation racing it. */
    private final class Permit implements Entry {
        private final AtomicBoolean released = new AtomicBoolean();

        @Override
        public boolean admitted() {
            return true;
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                ReadGate.this.release();
            }
        }
    }
}
