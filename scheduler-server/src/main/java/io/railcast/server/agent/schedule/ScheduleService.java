package io.railcast.server.agent.schedule;

import io.railcast.server.agent.AgentMetrics;
import io.railcast.server.agent.media.MediaCatalog;
import io.railcast.server.agent.schedule.ScheduleBody.MediaItem;
import io.railcast.server.takeover.TakeoverBoard;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A screen's schedule as the protocol shows it, and the creatives it may fetch, from the published versions. An
 * answer is built once per screen, version, horizon start and length and takeovers covering the screen, and kept
 * ({@link ScheduleAnswers}).
 */
@Service
public class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final ScheduleRepository schedules;
    private final PlanCache plans;
    private final MediaCatalog creatives;
    private final ScheduleAnswers answers;
    private final JsonMapper jsonMapper;
    private final AgentMetrics metrics;
    private final TakeoverBoard takeovers;
    private final AtomicLong warnedVersion = new AtomicLong();

    ScheduleService(
            ScheduleRepository schedules,
            PlanCache plans,
            MediaCatalog creatives,
            ScheduleAnswers answers,
            JsonMapper jsonMapper,
            AgentMetrics metrics,
            TakeoverBoard takeovers) {
        this.schedules = schedules;
        this.plans = plans;
        this.creatives = creatives;
        this.answers = answers;
        this.jsonMapper = jsonMapper;
        this.metrics = metrics;
        this.takeovers = takeovers;
    }

    /**
     * The screen's latest version for {@code hours} hours from the start of the current hour at {@code now}, as
     * sent — with the plans' bodies, or naming them only — : only the screen's row is read each time, the rest is
     * built once per row and horizon.
     */
    Mono<ScheduleAnswer> schedule(String screenId, int hours, boolean planBodies, Instant now) {
        return schedules
                .latest(screenId)
                .switchIfEmpty(Mono.error(() -> new ScheduleRefusal.NoSchedule(screenId)))
                .flatMap(row -> {
                    Instant from = Horizon.start(row.zone(), now);
                    List<TakeoverItem> takingOver = takeovers.concerning(screenId, now).stream()
                            .map(TakeoverItem::of)
                            .toList();
                    ScheduleAnswers.Key key = new ScheduleAnswers.Key(
                            screenId, row.version(), row.zone().getId(), from, hours, planBodies, takingOver);
                    return answers.get(
                            key,
                            () -> body(screenId, row, from, hours, takingOver)
                                    .map(body -> metrics.answerBuilds().record(() -> answer(body, planBodies))));
                });
    }

    /** The schedule body itself, built from the stored plans and creatives. */
    private Mono<ScheduleBody> body(
            String screenId, ScreenScheduleRow row, Instant now, int hours, List<TakeoverItem> takingOver) {
        Horizon horizon = Horizon.of(row, now, hours);
        Set<String> planIds = new TreeSet<>();
        horizon.hours().forEach(hour -> planIds.add(hour.plan()));
        if (row.fallbackPlanId() != null) {
            planIds.add(row.fallbackPlanId());
        }
        return plans.get(planIds).flatMap(found -> body(screenId, row, horizon, found, takingOver));
    }

    private ScheduleAnswer answer(ScheduleBody body, boolean planBodies) {
        return new ScheduleAnswer(body.etag(), body.version(), body.gzip(jsonMapper, planBodies));
    }

    /**
     * The creatives named by the screen's versions in force now or later, and by the takeovers covering it that are
     * not over: the media it may fetch.
     */
    public Mono<Set<String>> creativesInForce(String screenId) {
        return schedules
                .inForce(screenId)
                .collectList()
                .flatMap(rows -> {
                    Set<String> planIds = new HashSet<>();
                    for (ScreenScheduleRow row : rows) {
                        row.planIds().stream().filter(Objects::nonNull).forEach(planIds::add);
                        if (row.fallbackPlanId() != null) {
                            planIds.add(row.fallbackPlanId());
                        }
                    }
                    return plans.get(planIds);
                })
                .map(found -> {
                    Set<String> named = new HashSet<>(takeovers.creatives(screenId));
                    found.values().forEach(plan -> named.addAll(plan.creatives()));
                    return named;
                });
    }

    private Mono<ScheduleBody> body(
            String screenId,
            ScreenScheduleRow row,
            Horizon horizon,
            Map<String, SentPlan> found,
            List<TakeoverItem> takingOver) {
        Set<String> needed = new TreeSet<>();
        found.values().forEach(plan -> needed.addAll(plan.creatives()));
        return creatives
                .find(needed)
                .map(creative -> new MediaItem(
                        creative.id(),
                        mediaUrl(creative.id()),
                        creative.sha256(),
                        creative.sizeBytes(),
                        creative.durationSeconds()))
                .collectList()
                .map(media -> {
                    if (media.size() < needed.size()
                            && warnedVersion.getAndAccumulate(row.version(), Math::max) < row.version()) {
                        Set<String> absent = new TreeSet<>(needed);
                        media.forEach(item -> absent.remove(item.creative()));
                        log.warn(
                                "Version {} for screen {} names creatives that are not stored: {} (said once a"
                                        + " version)",
                                row.version(),
                                screenId,
                                absent);
                    }
                    return new ScheduleBody(
                            screenId,
                            row.version(),
                            row.effectiveAt(),
                            row.zone().getId(),
                            horizon.from(),
                            horizon.to(),
                            horizon.hours(),
                            new TreeMap<>(found),
                            List.copyOf(media),
                            row.fallbackPlanId(),
                            takingOver);
                });
    }

    static String mediaUrl(String creativeId) {
        return "/agent/v1/media/" + UriUtils.encodePathSegment(creativeId, StandardCharsets.UTF_8);
    }
}
