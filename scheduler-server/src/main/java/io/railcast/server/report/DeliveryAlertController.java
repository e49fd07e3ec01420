package io.railcast.server.report;

import io.railcast.server.planning.PlanningService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/delivery/alerts}: the active commercial campaigns that under-deliver, in one call. A campaign
 * is listed when the current version could not place all its contracted plays ({@code shortfall}), and when, over
 * the past hours (the current one left out, as its plays are still arriving) of the version's horizon in which a
 * screen reported any play, its screens played fewer full plays than scheduled by more than {@value #TOLERANCE}
 * ({@code under-played}). Hours a screen reported nothing are left to the offline-screens alert: counting them here
 * would list every campaign of a dark screen.
 */
@RestController
class DeliveryAlertController {

    /** Played may fall this far short of scheduled (5%) before a campaign is listed: late or clipped plays. */
    static final double TOLERANCE = 0.05;

    private final ReportService service;
    private final ReportRepository reports;
    private final PlanningService planning;

    DeliveryAlertController(ReportService service, ReportRepository reports, PlanningService planning) {
        this.service = service;
        this.reports = reports;
        this.planning = planning;
    }

    @GetMapping("/api/v1/delivery/alerts")
    Mono<List<DeliveryAlert>> alerts() {
        return service.current().flatMap(facts -> Mono.zip(reports.activeCommercial(),
                        reports.reportedScreenHours(facts.version()),
                        reports.playedInReportedHours(facts.version()))
                .map(all -> alerts(facts, all.getT1(), all.getT2(), all.getT3())));
    }

    private List<DeliveryAlert> alerts(VersionFacts facts, Map<String, String> names, Map<String, Long> reportedHours,
            Map<String, Long> played) {
        Map<String, Long> scheduled = new HashMap<>();
        for (VersionFacts.PlanUsage usage : facts.usage()) {
            facts.plans().get(usage.planId()).campaigns().forEach((id, share) -> {
                if (names.containsKey(id)) {
                    scheduled.merge(id, usage.screenHours() * share.plays(), Long::sum);
                }
            });
        }
        Map<String, Long> scheduledPast = new HashMap<>();
        reportedHours.forEach((planId, hours) -> {
            VersionFacts.PlanFacts plan = facts.plans().get(planId);
            if (plan != null) {
                plan.campaigns().forEach((id, share) -> {
                    if (names.containsKey(id)) {
                        scheduledPast.merge(id, hours * share.plays(), Long::sum);
                    }
                });
            }
        });
        List<DeliveryAlert> alerts = new ArrayList<>();
        names.forEach((id, name) -> {
            long missing = planning.shortfalls(id, facts.version()).orElse(List.of()).stream()
                    .mapToLong(s -> (long) s.missingPlays() * s.screens()).sum();
            long inVersion = scheduled.getOrDefault(id, 0L);
            if (missing > 0) {
                alerts.add(new DeliveryAlert(id, name, "shortfall", inVersion + missing, inVersion,
                        played.getOrDefault(id, 0L), missing, "Version " + facts.version() + " schedules "
                                + inVersion + " of " + (inVersion + missing) + " contracted plays."));
            }
            long due = scheduledPast.getOrDefault(id, 0L);
            long full = played.getOrDefault(id, 0L);
            if (due > 0 && full < due * (1 - TOLERANCE)) {
                alerts.add(new DeliveryAlert(id, name, "under-played", due, due, full, due - full, "Screens played "
                        + full + " of " + due + " plays scheduled in the past hours they reported, more than "
                        + Math.round(TOLERANCE * 100) + "% short."));
            }
        });
        alerts.sort(Comparator.comparingLong(DeliveryAlert::shortBy).reversed()
                .thenComparing(DeliveryAlert::campaign));
        return alerts;
    }
}
