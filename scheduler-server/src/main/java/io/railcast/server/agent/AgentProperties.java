package io.railcast.server.agent;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the agent protocol, under {@code railcast.agent}. What the protocol itself fixes (1–168 hours,
 * 1,000 plays a batch, 3 and 15 minutes for stale and offline) is a constant in the code, not a setting.
 *
 * @param token    how agent tokens are checked
 * @param schedule {@code /agent/v1/schedule}
 * @param events   the {@code /agent/v1/events} stream
 * @param media    where media files live
 * @param plays    which proof-of-play records are accepted
 * @param status   the operators' view of agent heartbeats
 */
@ConfigurationProperties("railcast.agent")
public record AgentProperties(
        @DefaultValue Token token,
        @DefaultValue Schedule schedule,
        @DefaultValue Events events,
        @DefaultValue Media media,
        @DefaultValue Plays plays,
        @DefaultValue Status status) {

    /**
     * @param cacheTtl  how long a token found valid is believed without asking the database again; 5 min. A token
     *                  revoked on this instance is refused at once, on another one as soon as the revocation's
     *                  notification arrives (milliseconds), and after at most this long should it be lost
     * @param cacheSize at most this many tokens are remembered; 20,000
     */
    public record Token(
            @DefaultValue("5m") Duration cacheTtl,
            @DefaultValue("20000") int cacheSize) {}

    /**
     * @param planCache   at most this many bytes of hour plans (immutable, shared by many screens) are kept in
     *                    memory, the least used dropped first; 128MB (a plan is kept as its JSON deflated, some 1 KB
     *                    for 20 KB of JSON: the demo's 20,600 plans take about 25 MB)
     * @param answerCache at most this many bytes of built schedule answers (gzipped body and ETag, per screen,
     *                    version, horizon start and hours) are kept; 128MB (the demo's answers are 45 KB of gzip on
     *                    average, 250 MB for all 5,600 screens; an answer not kept is made again in under a
     *                    millisecond, its plans being kept deflated)
     * @param answerIdle  a built answer nobody asked for this long is dropped (those of a past hour or an old
     *                    version are no longer asked); 10 min
     */
    public record Schedule(
            @DefaultValue("128MB") DataSize planCache,
            @DefaultValue("128MB") DataSize answerCache,
            @DefaultValue("10m") Duration answerIdle) {}

    /**
     * @param heartbeat  the interval of {@code heartbeat} events; 15 s (the protocol's figure)
     * @param spread     a version that becomes effective later than twice this from now is announced to each
     *                   screen at a random moment within this, so that 5,600 agents do not fetch at once; 20 s
     * @param poll       how often each instance also asks the database for the latest version, in case a
     *                   notification was lost (and to keep its listening connection alive); 30 s
     */
    public record Events(
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("20s") Duration spread,
            @DefaultValue("30s") Duration poll) {}

    /** @param root a creative's relative {@code media_path} is resolved against this; {@code ./data/media} */
    public record Media(@DefaultValue("./data/media") Path root) {}

    /**
     * @param maxAge        a play that started longer ago than this is rejected; 90 days
     * @param maxAhead      a play that starts further in the future than this (by the server's clock) is rejected;
     *                      1 h
     * @param slotTolerance a play counts only if it started at most this far from the planned start of a spot of
     *                      its campaign and creative in the version it names (the spot running then, or the next
     *                      one); 3 s. Our agent picks and stamps a spot by one clock (its estimate of ours), so its
     *                      plays are a few milliseconds late; the rest is for an agent slow to put a spot on
     *                      screen, or stamping by a clock a little off the one it plays by (our agent's estimate
     *                      errs by half a round trip at most, 1 s)
     * @param slotCache     at most this many bytes of plans' spots, as plays are judged against them, are kept in
     *                      memory; 64MB (a demo plan of some 400 spots takes about 10 KB)
     */
    public record Plays(
            @DefaultValue("90d") Duration maxAge,
            @DefaultValue("1h") Duration maxAhead,
            @DefaultValue("3s") Duration slotTolerance,
            @DefaultValue("64MB") DataSize slotCache) {

        public Plays {
            if (slotTolerance.isNegative()) {
                throw new IllegalArgumentException(
                        "railcast.agent.plays.slot-tolerance must not be negative, got " + slotTolerance);
            }
        }
    }

    /**
     * @param versionGrace a screen counts as on an old version when it reports one older than the latest version
     *                     that became effective at least this long ago; 5 min
     * @param refresh      how often the stale and offline gauges are recounted; 30 s
     * @param clockTolerance a screen whose agent reports its clock off the server's by more than this is listed as
     *                     clock-skewed; 2 s. The agent plays by the server's clock all the same, but the box's own
     *                     time source is broken (its logs, certificates and any other software on it are off)
     * @param batchSize    heartbeats arriving together are stored in one statement of at most this many; 500
     * @param linger       a heartbeat that arrives while no batch is under way waits this long for others to join
     *                     its batch; 20 ms (what batching adds to a lone heartbeat's answer). Those arriving while
     *                     a batch is written are written as soon as it has committed
     * @param queueCapacity at most this many heartbeats wait for a batch (besides the batch being written; one is
     *                     written at a time per instance); more are answered 503 with Retry-After at once; 10,000
     */
    public record Status(
            @DefaultValue("5m") Duration versionGrace,
            @DefaultValue("30s") Duration refresh,
            @DefaultValue("2s") Duration clockTolerance,
            @DefaultValue("500") int batchSize,
            @DefaultValue("20ms") Duration linger,
            @DefaultValue("10000") int queueCapacity) {

        public Status {
            if (batchSize < 1 || queueCapacity < 1) {
                throw new IllegalArgumentException("railcast.agent.status.batch-size and queue-capacity must be at"
                        + " least 1, got " + batchSize + " and " + queueCapacity);
            }
            if (linger.isNegative() || linger.isZero()) {
                throw new IllegalArgumentException("railcast.agent.status.linger must be positive, got " + linger);
            }
        }
    }
}
