package io.railcast.server.agent.schedule;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.railcast.server.agent.AgentProperties;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Schedule answers already built, by what determines them: a published version's row of a screen never changes, so
 * the answer for (screen, version, zone, horizon start, hours) is built once (plans and media looked up, JSON
 * written, gzipped, ETag digested) and kept. A poll then costs the lookup of the screen's latest row and nothing
 * else: a 304 compares the kept ETag, a 200 sends the kept bytes. Concurrent first requests for the same answer
 * (thousands of agents after a publication) wait for one build rather than each doing it.
 *
 * <p>Bounded by the bytes kept ({@link AgentProperties.Schedule#answerCache()}) and by idleness
 * ({@link AgentProperties.Schedule#answerIdle()}): answers of past hours and old versions are simply no longer asked.
 */
@Component
class ScheduleAnswers {

    /** Roughly what an entry costs beyond its gzipped body: key, ETag, node. */
    private static final int OVERHEAD_BYTES = 256;

    private final AsyncCache<Key, ScheduleAnswer> answers;

    ScheduleAnswers(AgentProperties properties) {
        this.answers = Caffeine.newBuilder()
                .maximumWeight(properties.schedule().answerCache().toBytes())
                .weigher((Key key, ScheduleAnswer answer) -> answer.gzip().length + OVERHEAD_BYTES)
                .expireAfterAccess(properties.schedule().answerIdle())
                .buildAsync();
    }

    /** The kept answer for {@code key}, else the one {@code build} makes (once, however many ask meanwhile). */
    Mono<ScheduleAnswer> get(Key key, Supplier<Mono<ScheduleAnswer>> build) {
        // suppressCancel: one caller going away must not cancel the build others wait for
        return Mono.fromFuture(
                () -> answers.get(key, (ignored, executor) -> build.get().toFuture()), true);
    }

    /**
     * What a schedule answer depends on besides the (immutable) published rows and creatives: a takeover started or
     * cancelled makes another key, so the answer kept before is not sent again.
     */
    record Key(
            String screenId,
            long version,
            String zone,
            Instant from,
            int hours,
            boolean planBodies,
            List<TakeoverItem> takeovers) {}
}
