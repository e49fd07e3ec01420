package io.railcast.agent;

import io.railcast.agent.net.EventStream;
import java.time.Duration;

/**
 * How often the agent talks to the server. The defaults are the protocol's; tests shorten them.
 *
 * @param poll         how often the schedule is polled while the event stream is down (protocol: 60 s), and the
 *                     config file re-read for a new token after a 401
 * @param status       how often a heartbeat is sent (protocol: 60 s)
 * @param upload       how often journaled plays are uploaded
 * @param rollSpread   the schedule is refetched once an hour to move the horizon on, at a moment drawn once per
 *                     agent within this much after the hour, so a fleet does not ask at the same second
 * @param silence      how long the event stream may stay silent before it is taken for dead (protocol: 45 s)
 */
record Timings(Duration poll, Duration status, Duration upload, Duration rollSpread, Duration silence) {

    static final Timings PROTOCOL = new Timings(
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofMinutes(10),
            EventStream.SILENCE);
}
