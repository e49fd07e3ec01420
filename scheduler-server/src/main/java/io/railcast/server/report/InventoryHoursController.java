package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/inventory/hours?date=2026-11-24&province=浙江}: fill per station and local hour of one
 * province and day of the current version, counted as {@code GET /api/v1/inventory} counts a station's day.
 */
@RestController
class InventoryHoursController {

    private final ReportService service;
    private final ReportRepository reports;
    private final InventoryHourRepository hours;

    InventoryHoursController(ReportService service, ReportRepository reports, InventoryHourRepository hours) {
        this.service = service;
        this.reports = reports;
        this.hours = hours;
    }

    @GetMapping("/api/v1/inventory/hours")
    Mono<InventoryHoursView> hours(
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String province) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            LocalDate day = LocalDate.MIN;
            try {
                if (date == null || date.isBlank()) {
                    problems.add(FieldProblem.of("date", "date is required, e.g. 2026-11-24"));
                } else {
                    day = LocalDate.parse(date.strip());
                }
            } catch (DateTimeParseException e) {
                problems.add(FieldProblem.of("date", "date must look like 2026-11-24, got " + TextRules.quote(date)));
            }
            if (province == null || province.isBlank()) {
                problems.add(FieldProblem.of("province", "province is required, e.g. 浙江"));
            }
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-query", "Invalid query", problems));
            }
            LocalDate wanted = day;
            String name = province.strip();
            return service.current().flatMap(facts -> {
                ReportService.requireInHorizon(facts, wanted, "date");
                int dayIndex = (int) (wanted.toEpochDay() - facts.firstDay().toEpochDay());
                return Mono.zip(
                                reports.guaranteedPublicService(),
                                hours.stations(name).collectList(),
                                hours.usage(facts.version(), dayIndex, name).collectList())
                        .map(all -> {
                            if (all.getT2().isEmpty()) {
                                throw ApiProblem.invalid(
                                        "unknown-province",
                                        "Unknown province",
                                        List.of(FieldProblem.of(
                                                "province",
                                                "no station with screens is in province " + TextRules.quote(name))));
                            }
                            return view(facts, wanted, name, all.getT1(), all.getT2(), all.getT3());
                        });
            });
        });
    }

    private static InventoryHoursView view(
            VersionFacts facts,
            LocalDate day,
            String province,
            Set<String> guaranteed,
            List<ReportRepository.StationRow> stations,
            List<InventoryHourRepository.HourUsage> usage) {
        Map<String, Airtime[]> byStation = new HashMap<>();
        for (InventoryHourRepository.HourUsage hour : usage) {
            byStation.computeIfAbsent(hour.station(), s -> new Airtime[24]);
            Airtime[] airtime = byStation.get(hour.station());
            if (airtime[hour.hour()] == null) {
                airtime[hour.hour()] = new Airtime();
            }
            airtime[hour.hour()].add(facts.plans().get(hour.planId()), hour.screens(), guaranteed);
        }
        List<InventoryHoursView.StationHours> rows = new ArrayList<>();
        for (ReportRepository.StationRow station : stations) {
            Airtime[] airtime = byStation.getOrDefault(station.code(), new Airtime[24]);
            Airtime whole = new Airtime();
            List<InventoryHoursView.HourFill> fills = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                Airtime a = airtime[hour];
                if (a == null || a.onAirSeconds() == 0) {
                    fills.add(new InventoryHoursView.HourFill(hour, 0, 0, null));
                    continue;
                }
                fills.add(new InventoryHoursView.HourFill(
                        hour, a.onAirSeconds(), a.contractedSeconds(), a.fillPercent()));
                whole.add(a);
            }
            rows.add(new InventoryHoursView.StationHours(
                    station.code(),
                    station.name(),
                    station.screens(),
                    fills,
                    whole.fill(station.code(), station.name(), station.screens())));
        }
        return new InventoryHoursView(facts.version(), day, province, rows);
    }
}
