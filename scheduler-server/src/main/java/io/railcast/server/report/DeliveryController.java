package io.railcast.server.report;

import io.railcast.model.schedule.Shortfall;
import io.railcast.server.planning.PlanningService;
import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/campaigns/{id}/delivery}: contracted and scheduled plays of a campaign in the current version,
 * and played plays from the agents' proof of play ({@code play_rollup}), by station and day. JSON by default; CSV
 * or XLSX with {@code ?format=csv|xlsx} or the matching {@code Accept}.
 */
@RestController
class DeliveryController {

    private static final String PLAYED_NOTE = "played counts the plays the screens reported that ran their full"
            + " length (within 0.5 s), reported every play they sent; both are current to the last batch stored."
            + " Days before the version's first day show what was played only.";

    private final ReportService service;
    private final ReportRepository reports;
    private final PlanningService planning;

    DeliveryController(ReportService service, ReportRepository reports, PlanningService planning) {
        this.service = service;
        this.reports = reports;
        this.planning = planning;
    }

    @GetMapping("/api/v1/campaigns/{id}/delivery")
    Mono<ResponseEntity<?>> delivery(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        return Mono.defer(() -> {
            DeliveryFiles.Format file = format(format, accept);
            return reports.campaignName(id)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(
                            "unknown-campaign", "Unknown campaign", "No campaign has id " + id + ".")))
                    .zipWith(service.current())
                    .zipWith(
                            reports.played(id).collectList(),
                            (both, played) -> delivery(id, both.getT1(), both.getT2(), played))
                    .flatMap(view -> file == null
                            ? Mono.just(ResponseEntity.ok()
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(view))
                            : Mono.fromCallable(() -> file.write(view))
                                    // POI builds the workbook in memory: a few ms, but not on an event loop
                                    .subscribeOn(Schedulers.boundedElastic())
                                    .map(bytes -> ResponseEntity.ok()
                                            .contentType(file.mediaType())
                                            .header(
                                                    HttpHeaders.CONTENT_DISPOSITION,
                                                    "attachment; filename=\"delivery-" + id + "-v" + view.version()
                                                            + "." + file.extension() + "\"")
                                            .body(bytes)));
        });
    }

    /** The file asked for, or null for JSON; an unknown {@code format} is refused naming the field. */
    private static DeliveryFiles.@Nullable Format format(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "json" -> null;
                case "csv" -> DeliveryFiles.Format.CSV;
                case "xlsx" -> DeliveryFiles.Format.XLSX;
                default ->
                    throw ApiProblem.invalid(
                            "invalid-query",
                            "Invalid query",
                            List.of(FieldProblem.of(
                                    "format", "format must be json, csv or xlsx, got " + TextRules.quote(format))));
            };
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        return accepted.contains("text/csv")
                ? DeliveryFiles.Format.CSV
                : accepted.contains(DeliveryFiles.XLSX.toString()) ? DeliveryFiles.Format.XLSX : null;
    }

    private DeliveryView delivery(String id, String name, VersionFacts facts, List<ReportRepository.PlayedDay> played) {
        record StationDay(String station, LocalDate date) {}
        // scheduled plays, seconds, missing plays, played, reported; scheduled ones only in the version's horizon
        Map<StationDay, long[]> sums =
                new TreeMap<>(Comparator.comparing(StationDay::date).thenComparing(StationDay::station));
        for (VersionFacts.PlanUsage usage : facts.usage()) {
            VersionFacts.CampaignShare share =
                    facts.plans().get(usage.planId()).campaigns().get(id);
            if (share != null) {
                long[] sum = sums.computeIfAbsent(new StationDay(usage.station(), usage.date()), k -> new long[5]);
                sum[0] += usage.screenHours() * share.plays();
                sum[1] += usage.screenHours() * share.seconds();
            }
        }
        Optional<List<Shortfall>> shortfalls = planning.shortfalls(id, facts.version());
        shortfalls.ifPresent(list ->
                list.forEach(s -> sums.computeIfAbsent(new StationDay(s.station(), s.date()), k -> new long[5])[2] +=
                        (long) s.missingPlays() * s.screens()));
        for (ReportRepository.PlayedDay day : played) {
            long[] sum = sums.computeIfAbsent(new StationDay(day.station(), day.date()), k -> new long[5]);
            sum[3] += day.delivered();
            sum[4] += day.reported();
        }
        String note = PLAYED_NOTE
                + (shortfalls.isPresent()
                        ? ""
                        : " Contracted equals scheduled here: this server's planner does not hold version "
                                + facts.version() + ", so plays it could not place are not known.");
        List<DeliveryView.Row> rows = new ArrayList<>();
        long[] total = new long[5];
        for (Map.Entry<StationDay, long[]> entry : sums.entrySet()) {
            long[] sum = entry.getValue();
            boolean planned = !entry.getKey().date().isBefore(facts.firstDay());
            rows.add(new DeliveryView.Row(
                    entry.getKey().station(),
                    entry.getKey().date(),
                    planned ? sum[0] + sum[2] : null,
                    planned ? sum[0] : null,
                    planned ? sum[1] : null,
                    sum[3],
                    sum[4]));
            for (int i = 0; i < total.length; i++) {
                total[i] += sum[i];
            }
        }
        return new DeliveryView(
                id,
                name,
                facts.version(),
                facts.firstDay(),
                facts.days(),
                note,
                rows,
                new DeliveryView.Totals(total[0] + total[2], total[0], total[1], total[3], total[4]));
    }
}
