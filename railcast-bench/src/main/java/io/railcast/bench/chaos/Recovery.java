package io.railcast.bench.chaos;

import io.railcast.bench.chaos.BookingStream.Booking;
import io.railcast.bench.fleet.AgentFleet;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * When the service is whole again after a fault: a new booking, sent to a server that answers, is answered 2xx, and
 * every agent whose schedule its version changed has adopted it (a booking of 1/h at a station need not change every
 * screen there, and an agent is told only of a version that changes its own schedule). A killed server may still be starting then, if another serves;
 * {@link #allServersReady} waits for it too.
 */
final class Recovery {

    private static final Duration GIVE_UP = Duration.ofMinutes(5);

    private final List<ServerProcess> servers;
    private final BookingStream bookings;
    private final AgentFleet fleet;
    private final Audit audit;
    private long probeAnsweredMillis = -1;

    Recovery(List<ServerProcess> servers, BookingStream bookings, AgentFleet fleet, Audit audit) {
        this.servers = servers;
        this.bookings = bookings;
        this.fleet = fleet;
        this.audit = audit;
    }

    /** Millis from {@code endedAt} (epoch millis) until whole again; -1 if not within 5 minutes. */
    long since(long endedAt) throws InterruptedException, IOException {
        probeAnsweredMillis = -1;
        long deadline = endedAt + GIVE_UP.toMillis();
        while (System.currentTimeMillis() < deadline) {
            Booking probe = bookings.bookNext();
            if (!probe.accepted()) {
                Thread.sleep(500);
                continue;
            }
            probeAnsweredMillis = System.currentTimeMillis() - endedAt;
            List<String> screens = audit.changedScreens(probe.version());
            long nextLog = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                if (fleet.adopted(screens, probe.version())) {
                    return System.currentTimeMillis() - endedAt;
                }
                if (System.currentTimeMillis() > nextLog) {
                    ChaosBenchmark.log("recovery: " + probe.id() + " (version " + probe.version() + ") not yet on"
                            + " every agent of the " + screens.size() + " screens it changed; " + fleet.progress());
                    nextLog += 10_000;
                }
                Thread.sleep(100);
            }
        }
        return -1;
    }

    /** Of the last {@link #since}: millis from the fault's end until the probe booking was answered 2xx, or -1. */
    long probeAnsweredMillis() {
        return probeAnsweredMillis;
    }

    /**
     * Millis from {@code since} (epoch millis) until {@code server} answers a booking 2xx: started, and done with the
     * plan it makes at its start, behind which its bookings wait; -1 if not within 5 minutes.
     */
    long booking(ServerProcess server, long since) throws InterruptedException {
        while (System.currentTimeMillis() < since + GIVE_UP.toMillis()) {
            if (server.ready() && bookings.book(server).accepted()) {
                return System.currentTimeMillis() - since;
            }
            Thread.sleep(500);
        }
        return -1;
    }
}
