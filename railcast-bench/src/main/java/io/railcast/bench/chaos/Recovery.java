package io.railcast.bench.chaos;

import io.railcast.bench.chaos.BookingStream.Booking;
import io.railcast.bench.fleet.AgentFleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * When the service is whole again after a fault: a new booking, sent to a server that answers, is answered 2xx, and
 * the agents of its station have adopted its version. A killed server may still be starting then, if another serves;
 * {@link #allServersReady} waits for it too.
 */
final class Recovery {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final List<ServerProcess> servers;
    private final BookingStream bookings;
    private final AgentFleet fleet;
    private final Map<String, List<String>> screensByStation;

    Recovery(
            List<ServerProcess> servers,
            BookingStream bookings,
            AgentFleet fleet,
            Map<String, List<String>> screensByStation) {
        this.servers = servers;
        this.bookings = bookings;
        this.fleet = fleet;
        this.screensByStation = screensByStation;
    }

    /** Millis from {@code endedAt} (epoch millis) until whole again; -1 if not within 5 minutes. */
    long since(long endedAt) throws InterruptedException {
        long deadline = endedAt + GIVE_UP.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Booking probe = bookings.bookNext();
            if (!probe.accepted()) {
                Thread.sleep(500);
                continue;
            }
            List<String> screens = screensByStation.get(probe.station());
            while (System.currentTimeMillis() < deadline) {
                if (fleet.adopted(screens, probe.version())) {
                    return System.currentTimeMillis() - endedAt;
                }
                Thread.sleep(100);
            }
        }
        return -1;
    }

    /** Millis from {@code since} (epoch millis) until every server answers; -1 if not within 5 minutes. */
    long allServersReady(long since) throws InterruptedException {
        while (System.currentTimeMillis() < since + GIVE_UP.toMillis()) {
            if (servers.stream().allMatch(ServerProcess::ready)) {
                return System.currentTimeMillis() - since;
            }
            Thread.sleep(200);
        }
        return -1;
    }
}
