package io.railcast.server.report;

import io.railcast.model.schedule.Shortfall;
import io.railcast.server.planning.PlanningService;
import io.railcast.server.system.ApiProblem;
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

/**
 * {@code GET /api/v1/campaigns/{id}/delivery}: contracted and scheduled plays of a campaign in the current version
 * by station and day, as JSON, or as CSV with {@code Accept: text/csv} or {@code ?format=csv}.
 */
@RestController
class DeliveryController {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");
    private static final String PLAYED_NOTE = "played is 0: proof of play is not stored by this server yet.";

    private final ReportService service;
    private final ReportRepository reports;
    private final PlanningService planning;

    DeliveryController(ReportService service, ReportRepository reports, PlanningService planning) {
        this.service = service;
        this.reports = reports;
        this.planning = planning;
    }

    @GetMapping("/api/v1/campaigns/{id}/delivery")
    Mono<ResponseEntity<?>> delivery(@PathVariable String id, @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv"));
        return reports.campaignName(id)
                .switchIfEmpty(Mono.error(() -> ApiProblem.notFound("unknown-campaign", "Unknown campaign",
                        "No campaign has id " + id + ".")))
                .zipWith(service.current())
                .map(both -> delivery(id, both.getT1(), both.getT2()))
                .map(view -> csv
                        ? ResponseEntity.ok().contentType(CSV)
                                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"delivery-" + id
                                        + "-v" + view.version() + ".csv\"")
                                .body(csv(view))
                        : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(view));
    }

    private DeliveryView delivery(String id, String name, VersionFacts facts) {
        record StationDay(String station, LocalDate date) {
        }
        Map<StationDay, long[]> sums = new TreeMap<>(Comparator.comparing(StationDay::date)
                .thenComparing(StationDay::station)); // scheduled plays, seconds, missing plays
        for (VersionFacts.PlanUsage usage : facts.usage()) {
            VersionFacts.CampaignShare share = facts.plans().get(usage.planId()).campaigns().get(id);
            if (share != null) {
                long[] sum = sums.computeIfAbsent(new StationDay(usage.station(), usage.date()), k -> new long[3]);
                sum[0] += usage.screenHours() * share.plays();
                sum[1] += usage.screenHours() * share.seconds();
            }
        }
        Optional<List<Shortfall>> shortfalls = planning.shortfalls(id, facts.version());
        shortfalls.ifPresent(list -> list.forEach(s -> sums.computeIfAbsent(new StationDay(s.station(), s.date()),
                k -> new long[3])[2] += (long) s.missingPlays() * s.screens()));
        String note = PLAYED_NOTE + (shortfalls.isPresent() ? ""
                : " Contracted equals scheduled here: this server's planner does not hold version " + facts.version()
                        + ", so plays it could not place are not known.");
        List<DeliveryView.Row> rows = new ArrayList<>();
        long contracted = 0;
        long scheduled = 0;
        long seconds = 0;
        for (Map.Entry<StationDay, long[]> entry : sums.entrySet()) {
            long[] sum = entry.getValue();
            rows.add(new DeliveryView.Row(entry.getKey().station(), entry.getKey().date(), sum[0] + sum[2], sum[0],
                    sum[1], 0));
            contracted += sum[0] + sum[2];
            scheduled += sum[0];
            seconds += sum[1];
        }
        return new DeliveryView(id, name, facts.version(), facts.firstDay(), facts.days(), note, rows,
                new DeliveryView.Totals(contracted, scheduled, seconds, 0));
    }

    private static String csv(DeliveryView view) {
        StringBuilder csv = new StringBuilder("station,date,contracted_plays,scheduled_plays,scheduled_seconds,"
                + "played_plays\n");
        for (DeliveryView.Row row : view.rows()) {
            csv.append(cell(row.station())).append(',').append(row.date()).append(',').append(row.contractedPlays())
                    .append(',').append(row.scheduledPlays()).append(',').append(row.scheduledSeconds()).append(',')
                    .append(row.playedPlays()).append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    private static String cell(String value) {
        return value.matches("[^,\"\r\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
