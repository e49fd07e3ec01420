package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    InventoryController(ReportService service, ReportRepository reports,
            @Value("${railcast.planning.zone:Asia/Shanghai}") ZoneId zone, Clock clock) {
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
                day = date == null || date.isBlank() ? LocalDate.ofInstant(clock.instant(), zone)
                        : LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                return Mono.error(ApiProblem.invalid("invalid-query", "Invalid query", List.of(FieldProblem.of(
                        "date", "date must look like 2026-11-24, got '" + date + "'"))));
            }
            return service.current().flatMap(facts -> {
                ReportService.requireInHorizon(facts, day, "date");
                return reports.guaranteedPublicService()
                        .zipWith(reports.stations().collectList())
                        .map(both -> inventory(facts, day, both.getT1(), both.getT2()));
            });
        });
    }

    private static InventoryView inventory(VersionFacts facts, LocalDate day, Set<String> guaranteed,
            List<ReportRepository.StationRow> stations) {
        Map<String, long[]> sums = new TreeMap<>(); // onAir, commercial, guaranteed PSA, other PSA, filler
        for (VersionFacts.PlanUsage usage : facts.usage()) {
            if (!usage.date().equals(day)) {
                continue;
            }
            VersionFacts.PlanFacts plan = facts.plans().get(usage.planId());
            long[] sum = sums.computeIfAbsent(usage.station(), s -> new long[5]);
            long n = usage.screenHours();
            sum[0] += n * plan.onAirSeconds();
            plan.campaigns().forEach((campaign, share) -> {
                int slot = switch (share.kind()) {
                    case 'C' -> 1;
                    case 'P' -> guaranteed.contains(campaign) ? 2 : 3;
                    default -> 4;
                };
                sum[slot] += n * share.seconds();
            });
        }
        List<InventoryView.StationFill> fills = new ArrayList<>();
        long[] total = new long[5];
        long screens = 0;
        for (ReportRepository.StationRow station : stations) {
            long[] sum = sums.getOrDefault(station.code(), new long[5]);
            if (station.screens() == 0) {
                continue;
            }
            fills.add(fill(station.code(), station.name(), station.screens(), sum));
            for (int i = 0; i < total.length; i++) {
                total[i] += sum[i];
            }
            screens += station.screens();
        }
        return new InventoryView(facts.version(), day, fills, fill("*", "network", screens, total));
    }

    private static InventoryView.StationFill fill(String code, String name, long screens, long[] sum) {
        long contracted = sum[1] + sum[2];
        double percent = sum[0] == 0 ? 0 : Math.round(1000.0 * contracted / sum[0]) / 10.0;
        return new InventoryView.StationFill(code, name, screens, sum[0], contracted, sum[1], sum[2] + sum[3],
                sum[4], percent);
    }
}
