package io.railcast.server.report;

import io.railcast.server.planning.PlanningService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Judges which active commercial campaigns under-deliver. A campaign is listed when the current version could not
 * place all its contracted plays ({@code shortfall}), and when, over the past {@link #LOOKBACK} (the current hour
 * left out, as its plays are still arriving) in the screen-hours in which a screen reported any play, its screens
 * played fewer full plays than scheduled by more than {@value #TOLERANCE} ({@code under-played}). Each screen-hour
 * is judged by the version that was in force for it then, not by the current one: a re-plan may have changed a past
 * hour since, and the current version does not plan the days before its first. Hours a screen reported nothing are
 * left to the offline-screens alert: counting them here would list every campaign of a dark screen.
 */
@Service
class DeliveryJudge {

    /** Played may fall this far short of scheduled (5%) before a campaign is listed: late or clipped plays. */
    static final double TOLERANCE = 0.05;
    /** How far back past hours are judged: the default planning horizon, three days. */
    static final Duration LOOKBACK = Duration.ofHours(72);

    private final ReportService service;
    private final ReportRepository reports;
    private final PlanningService planning;
    private final Clock clock;

    DeliveryJudge(ReportService service, ReportRepository reports, PlanningService planning, Clock clock) {
        this.service = service;
        this.reports = reports;
        this.planning = planning;
        this.clock = clock;
    }

    /** The campaigns under-delivering now, the furthest short first. */
    Mono<List<DeliveryAlert>> alerts() {
        return Mono.defer(() -> {
            Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
            return service.current()
                    .flatMap(facts -> Mono.zip(
                                    reports.activeCommercial(),
                                    reports.pastHours(currentHour.minus(LOOKBACK), currentHour))
                            .flatMap(all -> service.plans(
                                            all.getT2().screenHours().keySet())
                                    .map(plans -> alerts(facts, all.getT1(), all.getT2(), plans))));
        });
    }

    private List<DeliveryAlert> alerts(
            VersionFacts facts,
            Map<String, String> names,
            ReportRepository.PastHours past,
            Map<String, VersionFacts.PlanFacts> pastPlans) {
        Map<String, Long> scheduled = new HashMap<>();
        for (VersionFacts.PlanUsage usage : facts.usage()) {
            facts.plans().get(usage.planId()).campaigns().forEach((id, share) -> {
                if (names.containsKey(id)) {
                    scheduled.merge(id, usage.screenHours() * share.plays(), Long::sum);
                }
            });
        }
        Map<String, Long> scheduledPast = new HashMap<>();
        past.screenHours().forEach((planId, hours) -> {
            VersionFacts.PlanFacts plan = pastPlans.get(planId);
            if (plan != null) {
                plan.campaigns().forEach((id, share) -> {
                    if (names.containsKey(id)) {
                        scheduledPast.merge(id, hours * share.plays(), Long::sum);
                    }
                });
            }
        });
        Map<String, Long> played = past.fullPlays();
        List<DeliveryAlert> alerts = new ArrayList<>();
        names.forEach((id, name) -> {
            long missing = planning.shortfalls(id, facts.version()).orElse(List.of()).stream()
                    .mapToLong(s -> (long) s.missingPlays() * s.screens())
                    .sum();
            long inVersion = scheduled.getOrDefault(id, 0L);
            if (missing > 0) {
                alerts.add(new DeliveryAlert(
                        id,
                        name,
                        "shortfall",
                        inVersion + missing,
                        inVersion,
                        played.getOrDefault(id, 0L),
                        missing,
                        "Version " + facts.version() + " schedules " + inVersion + " of " + (inVersion + missing)
                                + " contracted plays."));
            }
            long due = scheduledPast.getOrDefault(id, 0L);
            long full = played.getOrDefault(id, 0L);
            if (due > 0 && full < due * (1 - TOLERANCE)) {
                alerts.add(new DeliveryAlert(
                        id,
                        name,
                        "under-played",
                        due,
                        due,
                        full,
                        due - full,
                        "Screens played "
                                + full + " of " + due + " plays scheduled in the past " + LOOKBACK.toHours()
                                + " hours they reported, by the version in force each hour, more than "
                                + Math.round(TOLERANCE * 100) + "% short."));
            }
        });
        alerts.sort(Comparator.comparingLong(DeliveryAlert::shortBy).reversed().thenComparing(DeliveryAlert::campaign));
        return alerts;
    }
}
