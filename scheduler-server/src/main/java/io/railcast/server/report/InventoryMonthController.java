package io.railcast.server.report;

import io.railcast.model.planning.StationAirtime;
import io.railcast.server.planning.BookedInventory;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/inventory?month=2027-03}: sold, held and free airtime by province and day for any month of the
 * booking horizon; the days of the published plan as planned, later days from the bookings ({@link BookedInventory}).
 */
@RestController
class InventoryMonthController {

    private final ReportService service;
    private final ReportRepository reports;
    private final BookedInventory inventory;

    InventoryMonthController(ReportService service, ReportRepository reports, BookedInventory inventory) {
        this.service = service;
        this.reports = reports;
        this.inventory = inventory;
    }

    @GetMapping(path = "/api/v1/inventory", params = "month")
    Mono<InventoryMonthView> month(@RequestParam String month, @RequestParam(required = false) @Nullable String date) {
        return Mono.defer(() -> {
            if (date != null) {
                return Mono.error(invalid("date", "ask for a month or for a date, not both"));
            }
            YearMonth wanted;
            try {
                wanted = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                return Mono.error(invalid("month", "month must look like 2027-03, got " + TextRules.quote(month)));
            }
            BookedInventory.Horizon horizon = inventory.horizon();
            LocalDate first = later(wanted.atDay(1), horizon.today());
            LocalDate last = earlier(wanted.atEndOfMonth(), horizon.lastDay());
            if (first.isAfter(last)) {
                return Mono.error(invalid(
                        "month",
                        "month must lie in the booking horizon, " + YearMonth.from(horizon.today()) + " to "
                                + YearMonth.from(horizon.lastDay()) + ", got " + wanted));
            }
            int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
            Mono<Optional<VersionFacts>> plan = service.current()
                    .map(Optional::of)
                    .onErrorResume(ReportRefusal.NoVersion.class, e -> Mono.just(Optional.empty()));
            return Mono.zip(plan, reports.guaranteedPublicService(), inventory.airtime(first, days, null))
                    .map(all -> view(wanted, first, days, horizon, all.getT1().orElse(null), all.getT2(), all.getT3()));
        });
    }

    private static InventoryMonthView view(
            YearMonth month,
            LocalDate first,
            int days,
            BookedInventory.Horizon horizon,
            @Nullable VersionFacts plan,
            Set<String> guaranteed,
            BookedInventory.Booked booked) {
        Map<String, Airtime> planned = new HashMap<>();
        List<LocalDate> planDays = new ArrayList<>();
        if (plan != null) {
            for (VersionFacts.PlanUsage usage : plan.usage()) {
                planned.computeIfAbsent(usage.station() + '/' + usage.date(), k -> new Airtime())
                        .add(plan.plans().get(usage.planId()), usage.screenHours(), guaranteed);
            }
        }
        Map<String, List<BookedInventory.StationFacts>> byProvince = new LinkedHashMap<>();
        booked.stations().stream()
                .filter(s -> s.screens() > 0)
                .sorted(Comparator.comparing(BookedInventory.StationFacts::province))
                .forEach(s -> byProvince
                        .computeIfAbsent(s.province(), p -> new ArrayList<>())
                        .add(s));
        List<InventoryMonthView.ProvinceDays> provinces = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate date = first.plusDays(d);
            if (plan != null && inPlan(plan, date)) {
                planDays.add(date);
            }
        }
        byProvince.forEach((province, stations) -> {
            List<InventoryMonthView.DayAirtime> row = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                LocalDate date = first.plusDays(d);
                boolean fromPlan = planDays.contains(date);
                long onAir = 0;
                long sold = 0;
                long held = 0;
                for (BookedInventory.StationFacts station : stations) {
                    StationAirtime.Airtime model = booked.airtime().day(station.code(), date);
                    held += model.heldSeconds();
                    if (fromPlan) {
                        Airtime airtime = planned.get(station.code() + '/' + date);
                        onAir += airtime == null ? 0 : airtime.onAirSeconds();
                        sold += airtime == null ? 0 : airtime.contractedSeconds();
                    } else {
                        onAir += model.onAirSeconds();
                        sold += model.soldSeconds();
                    }
                }
                row.add(InventoryMonthView.DayAirtime.of(date, fromPlan ? "plan" : "book", onAir, sold, held));
            }
            long screens = stations.stream()
                    .mapToLong(BookedInventory.StationFacts::screens)
                    .sum();
            provinces.add(new InventoryMonthView.ProvinceDays(province, screens, row));
        });
        return new InventoryMonthView(
                booked.version(), month, first, first.plusDays(days - 1L), horizon.lastDay(), planDays, provinces);
    }

    static boolean inPlan(VersionFacts plan, LocalDate date) {
        return !date.isBefore(plan.firstDay()) && date.isBefore(plan.firstDay().plusDays(plan.days()));
    }

    static ApiProblem invalid(String field, String detail) {
        return ApiProblem.invalid("invalid-query", "Invalid query", List.of(FieldProblem.of(field, detail)));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
