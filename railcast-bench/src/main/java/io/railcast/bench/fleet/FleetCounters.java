package io.railcast.bench.fleet;

import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** Protocol traffic of the whole fleet, for the report. Thread-safe. */
final class FleetCounters {

    final LongAdder schedules = new LongAdder();
    final LongAdder notModified = new LongAdder();
    /** Bytes of schedule answers as received (gzipped), and of plans fetched by id. */
    final LongAdder scheduleBytes = new LongAdder();

    final LongAdder planFetches = new LongAdder();
    final LongAdder planBytes = new LongAdder();
    final LongAdder fetchFailures = new LongAdder();
    final LongAdder scheduleEvents = new LongAdder();
    final LongAdder takeoverEvents = new LongAdder();
    final LongAdder streamsOpened = new LongAdder();
    final LongAdder streamsEnded = new LongAdder();
    /** Events of any kind (heartbeats included) read from the streams: shows whether they are alive. */
    final LongAdder streamEvents = new LongAdder();

    final LongAdder statusReports = new LongAdder();
    final LongAdder statusFailures = new LongAdder();
    /** The last failure of any agent, for the progress lines. */
    final AtomicReference<String> lastFailure = new AtomicReference<>("none");

    void failed(Throwable failure) {
        Throwable cause =
                failure.getCause() != null && failure.getClass().getName().contains("Completion")
                        ? failure.getCause()
                        : failure;
        lastFailure.set(cause.toString());
    }

    /** One line for the progress log. */
    String summary() {
        return "schedules 200: " + schedules.sum() + ", 304: " + notModified.sum() + ", fetch failures: "
                + fetchFailures.sum() + ", streams opened: " + streamsOpened.sum() + ", stream events: "
                + streamEvents.sum() + ", last failure: " + lastFailure.get();
    }
}
