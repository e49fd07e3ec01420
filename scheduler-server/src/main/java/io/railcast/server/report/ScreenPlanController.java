package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code GET /api/v1/screens/{id}/plan?date=2026-11-24&hour=8}: a screen-hour of the current version. */
@RestController
class ScreenPlanController {

    private final ReportRepository reports;
    private final JsonMapper json;

    ScreenPlanController(ReportRepository reports, JsonMapper json) {
        this.reports = reports;
        this.json = json;
    }

    @GetMapping("/api/v1/screens/{id}/plan")
    Mono<ScreenPlanView> plan(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(required = false) @Nullable String hour) {
        return Mono.defer(() -> {
            List<FieldProblem> problems = new ArrayList<>();
            LocalDate day = date(date, problems);
            int clockHour = hour(hour, problems);
            if (!problems.isEmpty()) {
                return Mono.error(ApiProblem.invalid("invalid-query", "Invalid query", problems));
            }
            return reports.latestVersion()
                    .switchIfEmpty(Mono.error(ReportRefusal.NoVersion::new))
                    .flatMap(version -> {
                        ReportService.requireInHorizon(version, day, "date");
                        int index = (int) (day.toEpochDay() - version.firstDay().toEpochDay()) * 24 + clockHour + 1;
                        return reports.screenHour(version.version(), id, index)
                                .switchIfEmpty(Mono.defer(() -> unknownScreen(id, version.version())))
                                .flatMap(row -> view(id, version.version(), day, clockHour, row));
                    });
        });
    }

    private Mono<ScreenPlanView> view(
            String screen, long version, LocalDate date, int hour, ReportRepository.ScreenHourRow row) {
        if (row.planId() == null || row.body() == null) {
            return Mono.just(new ScreenPlanView(screen, version, date, hour, null, null, List.of()));
        }
        JsonNode body = json.readTree(row.body());
        Set<String> campaigns = new LinkedHashSet<>();
        body.get("spots").forEach(spot -> campaigns.add(spot.get(2).asString()));
        return reports.campaignNames(campaigns).map(names -> {
            List<ScreenPlanView.SpotView> spots = new ArrayList<>();
            for (JsonNode spot : body.get("spots")) {
                String campaign = spot.get(2).asString();
                spots.add(new ScreenPlanView.SpotView(
                        spot.get(0).asInt(),
                        spot.get(1).asInt(),
                        campaign,
                        names.getOrDefault(campaign, campaign),
                        spot.get(3).asString(),
                        kind(spot.get(4).asString(), spot.path(5).asString(""))));
            }
            JsonNode onAir = body.get("onAir");
            return new ScreenPlanView(
                    screen,
                    version,
                    date,
                    hour,
                    row.planId(),
                    new ScreenPlanView.OnAir(
                            onAir.get("from").asInt(), onAir.get("to").asInt()),
                    spots);
        });
    }

    private Mono<ReportRepository.ScreenHourRow> unknownScreen(String id, long version) {
        return reports.screenExists(id)
                .flatMap(known -> Mono.error(
                        known
                                ? ApiProblem.notFound(
                                        "screen-not-planned",
                                        "Screen not planned",
                                        "Screen " + id + " is not in version " + version
                                                + "; it was added later and is planned by the next one.")
                                : ApiProblem.notFound(
                                        "unknown-screen", "Unknown screen", "No screen has id " + id + ".")));
    }

    /**
     * The spot's kind from its letter, or MAKE_GOOD for a spot marked {@code "M"} (placed to make good plays its
     * campaign was owed), as agents get it.
     */
    private static String kind(String letter, String mark) {
        if ("M".equals(mark)) {
            return "MAKE_GOOD";
        }
        return switch (letter) {
            case "C" -> "COMMERCIAL";
            case "P" -> "PUBLIC_SERVICE";
            default -> "FILLER";
        };
    }

    private static LocalDate date(@Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of("date", "date is required, e.g. 2026-11-24 (local to the station)"));
            return LocalDate.MIN;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of("date", "date must look like 2026-11-24, got " + TextRules.quote(text)));
            return LocalDate.MIN;
        }
    }

    private static int hour(@Nullable String text, List<FieldProblem> problems) {
        try {
            int hour = text == null ? -1 : Integer.parseInt(text.strip());
            if (hour >= 0 && hour <= 23) {
                return hour;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(FieldProblem.of(
                "hour",
                "hour must be a local clock hour 0-23, got " + (text == null ? "nothing" : TextRules.quote(text))));
        return -1;
    }
}
