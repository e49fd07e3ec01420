package io.railcast.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;

/**
 * Serves the agent endpoints on a loopback port with a realistic schedule, to run the real jar against until
 * scheduler-server has its agent endpoints: {@code java -cp <test classpath> io.railcast.agent.LocalScheduler 8480}.
 * 72 hours from the current hour, 15-second spots cycling through 40 creatives of 256 KiB; token "screen-token".
 */
final class LocalScheduler {

    private LocalScheduler() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8480;
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        String[] creatives = IntStream.rangeClosed(1, 40)
                .mapToObj(n -> String.format("CR-%04d", n))
                .toArray(String[]::new);
        FakeScheduler scheduler = new FakeScheduler(Clock.systemUTC(), port);
        scheduler.publish(TestSchedule.of(42, hour, hour, hour.plus(Duration.ofHours(72)), 15, 256 * 1024, creatives));
        System.out.println("serving version 42 on " + scheduler.uri() + " for token screen-token; stop with Ctrl-C");
        Thread.currentThread().join();
    }
}
