package io.railcast.bench.chaos;

import io.railcast.bench.chaos.BookingStream.Booking;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/** Injects one fault at a time into the running servers, database and network, and ends it. */
final class Injector {

    private final List<ServerProcess> servers;
    private final Postgres postgres;
    private final TcpProxy proxy;
    private final BookingStream bookings;
    private final Duration faultFor;
    private final Surge surge;
    private final int surgePerSecond;
    private final AgentDiskFaults agentDisks;

    /** {@code surgePerSecond}: the extra requests a second that make ten times the fleet's normal rate. */
    Injector(
            List<ServerProcess> servers,
            Postgres postgres,
            TcpProxy proxy,
            BookingStream bookings,
            Duration faultFor,
            Surge surge,
            int surgePerSecond,
            AgentDiskFaults agentDisks) {
        this.servers = servers;
        this.postgres = postgres;
        this.proxy = proxy;
        this.bookings = bookings;
        this.faultFor = faultFor;
        this.surge = surge;
        this.surgePerSecond = surgePerSecond;
        this.agentDisks = agentDisks;
    }

    /** The server {@code server-kill} kills at its {@code repetition}-th time. */
    ServerProcess victim(int repetition) {
        return servers.get(repetition % servers.size());
    }

    /** Injects {@code fault} (its {@code repetition}-th time, from 0) and returns once it has ended. */
    String inject(Fault fault, int repetition) throws IOException, InterruptedException {
        switch (fault) {
            case SERVER_KILL -> {
                return killDuringPublication(victim(repetition));
            }
            case PG_FAST, PG_IMMEDIATE -> {
                postgres.stop(fault == Fault.PG_FAST ? "fast" : "immediate");
                Thread.sleep(faultFor.toMillis());
                postgres.start();
                return "down " + faultFor.toSeconds() + " s";
            }
            case NET_DROP, NET_STALL -> {
                proxy.mode(fault == Fault.NET_DROP ? TcpProxy.Mode.DROP : TcpProxy.Mode.STALL);
                Thread.sleep(faultFor.toMillis());
                proxy.mode(TcpProxy.Mode.OPEN);
                return "cut " + faultFor.toSeconds() + " s";
            }
            case SURGE -> {
                return surge.run(surgePerSecond, Duration.ofSeconds(60));
            }
            case AGENT_DISK_FULL -> {
                return agentDisks.full(repetition);
            }
            case AGENT_DISK_READONLY -> {
                return agentDisks.readOnly(repetition);
            }
        }
        throw new IllegalArgumentException(fault.name());
    }

    /**
     * Sends a booking to {@code server}, SIGKILLs it 0.3–1.5 s later (a publication takes 1–3 s) and starts it again;
     * says what the booking got.
     */
    private String killDuringPublication(ServerProcess server) throws IOException, InterruptedException {
        CompletableFuture<Booking> victim = CompletableFuture.supplyAsync(() -> bookings.book(server));
        long delay = ThreadLocalRandom.current().nextLong(300, 1500);
        Thread.sleep(delay);
        server.kill();
        Booking booking = victim.join();
        server.start();
        return server.name() + " killed " + delay + " ms into " + booking.id() + " (answered "
                + (booking.status() == 0 ? "nothing" : booking.status()) + ")";
    }
}
