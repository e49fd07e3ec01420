package io.railcast.server.report;

import io.railcast.model.network.Station;
import io.railcast.server.planning.BookedInventory;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/inventory/hours?date=2026-11-24&province=浙江} (or {@code &station=HGH}): contracted, held and
 * free airtime per station and local hour of one province (or station) and day of the booking horizon. A day of the
 * published plan is counted as {@code GET /api/v1/inventory} counts a station's day; a later day as the bookings owe
 * it ({@link BookedInventory}); held seconds always from the holds in force.
 */
@RestController
class InventoryHoursController {

    private static final int MAX_PROVINCE = 64;

    private final ReportService service;
    private final ReportRepository reports;
    private final InventoryHourRepository hours;
    private final BookedInventory inventory;

    InventoryHoursController(
            ReportService service, ReportRepository reports, InventoryHourRepository hours, BookedInventory inventory) {
        this.service = service;
        this.reports = reports;
        this.hours = hours;
        this.inventory = inventory;
    }

    @GetMapping("/api/v1/inventory/hours")
    Mono<InventoryHoursView> hours(
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String province,
            @RequestParam(required = false) @Nullable String station) {
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
            String code = station == null || station.isBlank() ? null : station.strip();
            String name = province == null || province.isBlank() ? null : province.strip();
            if (code != null && name != null) {
                problems.add(FieldProblem.of("station", "ask for a province or a station, not both"));
            } else if (code == null && name == null) {
                problems.add(FieldProblem.of("province", "province (or station) is required, e.g. 浙江"));
            } else if (name != null && name.length() > MAX_PROVINCE) {
                problems.add(FieldProblem.of("province", "province is at most " + MAX_PROVINCE + " characters"));
            }
            TextRules.checkCode("station", code, problems);
            BookedInventory.Horizon horizon = inventory.horizon();
            if (problems.isEmpty() && !horizon.contains(day)) {
                problems.add(FieldProblem.of(
                        "date",
                        "date must lie in the booking horizon, " + horizon.today() + " to " + horizon.lastDay()
                                + ", got " + day));
            }
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-query", "Invalid query", problems));
            }
            LocalDate wanted = day;
            Predicate<Station> at = code != null
                    ? s -> s.code().equals(code)
                    : s -> s.province().equals(name);
            Mono<Optional<VersionFacts>> plan = service.current()
                    .map(Optional::of)
                    .onErrorResume(ReportRefusal.NoVersion.class, e -> Mono.just(Optional.empty()));
            return Mono.zip(plan, inventory.airtime(wanted, 1, at)).flatMap(both -> {
                BookedInventory.Booked booked = both.getT2();
                List<BookedInventory.StationFacts> stations =
                        booked.stations().stream().filter(s -> s.screens() > 0).toList();
                if (stations.isEmpty()) {
                    String field = code != null ? "station" : "province";
                    return Mono.error(ApiProblem.invalid(
                            "unknown-" + field,
                            code != null ? "Unknown station" : "Unknown province",
                            List.of(FieldProblem.of(
                                    field,
                                    "no station with screens is "
                                            + (code != null
                                                    ? "coded " + TextRules.quote(code)
                                                    : "in province " + TextRules.quote(name))))));
                }
                String provinceName = stations.get(0).province();
                VersionFacts facts = both.getT1().orElse(null);
                if (facts == null || !InventoryMonthController.inPlan(facts, wanted)) {
                    return Mono.just(InventoryHours.fromBook(wanted, provinceName, booked, stations));
                }
                int dayIndex = (int) (wanted.toEpochDay() - facts.firstDay().toEpochDay());
                return Mono.zip(
                                reports.guaranteedPublicService(),
                                hours.usage(facts.version(), dayIndex, provinceName)
                                        .collectList())
                        .map(all -> InventoryHours.fromPlan(
                                facts, wanted, provinceName, all.getT1(), stations, all.getT2(), booked));
            });
        });
    }
}
