package io.railcast.bench.fleet;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every virtual agent of a fleet shares: the server, the HTTP client, the media and plan libraries, the
 * accounts, and the threads that run them (a fleet of thousands has a handful of threads, not one per agent).
 *
 * @param http         requests: schedules, plays, heartbeats, media
 * @param fetches      the gate schedule fetches pass: what the switch time is made of, so they never queue behind
 *                     the uploads
 * @param uploads      the gate plays and heartbeats pass
 * @param streams      the event streams, on a client of their own
 * @param hours        the horizon asked for, as {@code ?hours=}
 * @param playsEvery   how often each agent uploads its plays (the real agent: every minute)
 * @param statusEvery  how often each agent sends a heartbeat (the protocol: every minute)
 * @param repeatShare  the share of uploads that also send the last acknowledged batch again, as after a lost
 *                     acknowledgement, so that the server's idempotency is exercised
 */
record FleetContext(
        URI base,
        HttpClient http,
        HttpClient streams,
        RequestGate fetches,
        RequestGate uploads,
        MediaLibrary media,
        PlanLibrary plans,
        PlayTally plays,
        FleetCounters counters,
        ScheduledExecutorService timers,
        Executor work,
        int hours,
        Duration playsEvery,
        Duration statusEvery,
        double repeatShare) {}
