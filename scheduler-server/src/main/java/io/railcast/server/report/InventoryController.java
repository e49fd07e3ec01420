package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.StationZone;
import io.railcast.server.system.TextRules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/inventory?date=2026-11-24}: fill per station for one day of the current version (today in the
 * planning zone when no date is given).
 */
@RestController
class InventoryController {

    private final ReportService service;
    private final ReportRepository reports;
    private final ZoneId zone;
    private final Clock clock;

    InventoryController(
            ReportService service, ReportRepository reports, @Value(StationZone.SETTING) ZoneId zone, Clock clock) {
        this.service = service;
        this.reports = reports;
        this.zone = zone;
        this.clock = clock;
    }

    @GetMapping("/api/v1/inventory")
    Mono<InventoryView> inventory(@RequestParam(required = false) @Nullable String date) {
        return Mono.defer(() -> {
            LocalDate day;
            try {
                day = date == null || date.isBlank()
                        ? LocalDate.ofInstant(clock.instant(), zone)
                        : LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                return Mono.error(ApiProblem.invalid(
                        "invalid-query",
                        "Invalid query",
                        List.of(FieldProblem.of(
                                "date", "date must look like 2026-11-24, got " + TextRules.quote(date)))));
            }
            return service.current().flatMap(facts -> {
                ReportService.requireInHorizon(facts, day, "date");
                return reports.guaranteedPublicService()
                        .zipWith(reports.stations().collectList())
                        .map(both -> inventory(facts, day, both.getT1(), both.getT2()));
            });
        });
    }

    private static InventoryView inventory(
            VersionFacts facts, LocalDate day, Set<String> guaranteed, List<ReportRepository.StationRow> stations) {
        Map<String, Airtime> sums = new HashMap<>();
        for (VersionFacts.PlanUsage usage : facts.usage()) {
            if (usage.date().equals(day)) {
                sums.computeIfAbsent(usage.station(), s -> new Airtime())
                        .add(facts.plans().get(usage.planId()), usage.screenHours(), guaranteed);
            }
        }
        List<InventoryView.StationFill> fills = new ArrayList<>();
        Airtime total = new Airtime();
        long screens = 0;
        for (ReportRepository.StationRow station : stations) {
            if (station.screens() == 0) {
                continue;
            }
            Airtime sum = sums.getOrDefault(station.code(), new Airtime());
            fills.add(sum.fill(station.code(), station.name(), station.screens()));
            total.add(sum);
            screens += station.screens();
        }
        return new InventoryView(facts.version(), day, fills, total.fill("*", "network", screens));
    }
}
