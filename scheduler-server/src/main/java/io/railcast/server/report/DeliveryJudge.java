package io.railcast.server.report;

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
 * Judges which active commercial campaigns under-deliver. A campaign is listed when the stored figures of the days
 * the latest version plans ({@code campaign_delivery}) contract more plays than they schedule ({@code shortfall}),
 * and when, over the past {@link #LOOKBACK} (the current hour
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
    private final StoredDelivery stored;
    private final Clock clock;

    DeliveryJudge(ReportService service, ReportRepository reports, StoredDelivery stored, Clock clock) {
        this.service = service;
        this.reports = reports;
        this.stored = stored;
        this.clock = clock;
    }

    /** The campaigns under-delivering now, the furthest short first. */
    Mono<List<DeliveryAlert>> alerts() {
        return Mono.defer(() -> {
            Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
            return reports.latestVersion()
                    .switchIfEmpty(Mono.error(ReportRefusal.NoVersion::new))
                    .flatMap(latest -> Mono.zip(
                                    reports.activeCommercial(),
                                    reports.pastHours(currentHour.minus(LOOKBACK), currentHour),
                                    stored.horizon(latest.version()))
                            .flatMap(all -> service.plans(
                                            all.getT2().screenHours().keySet())
                                    .map(plans ->
                                            alerts(latest.version(), all.getT1(), all.getT2(), all.getT3(), plans))));
        });
    }

    private static List<DeliveryAlert> alerts(
            long version,
            Map<String, String> names,
            ReportRepository.PastHours past,
            Map<String, StoredDelivery.Planned> planned,
            Map<String, VersionFacts.PlanFacts> pastPlans) {
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
            StoredDelivery.Planned figures = planned.get(id);
            long inVersion = figures == null ? 0 : figures.scheduled();
            long missing = figures == null ? 0 : figures.contracted() - figures.scheduled();
            if (missing > 0) {
                alerts.add(new DeliveryAlert(
                        id,
                        name,
                        "shortfall",
                        inVersion + missing,
                        inVersion,
                        played.getOrDefault(id, 0L),
                        missing,
                        "Version " + version + " schedules " + inVersion + " of " + (inVersion + missing)
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
