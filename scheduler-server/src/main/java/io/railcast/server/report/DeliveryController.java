package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import java.util.List;
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
 * {@code GET /api/v1/campaigns/{id}/delivery}: a campaign's stored delivery figures ({@code campaign_delivery}) by
 * station and day, past, today and future: contracted, scheduled, played, reported, lost to takeovers, made good,
 * and owed (by cause).
 * Read from the table alone, so every instance answers the same bytes. JSON by default; CSV or XLSX with
 * {@code ?format=csv|xlsx} or the matching {@code Accept}.
 */
@RestController
class DeliveryController {

    static final String NOTE = "contracted and scheduled are stored when a version is published, for every day"
            + " it plans; a past day keeps the figures of the last version that planned it (empty: planned before"
            + " figures were stored). played counts the plays the screens reported that ran their full length"
            + " (within 0.5 s), reported every play of a scheduled spot they sent, lost the contracted plays"
            + " emergency takeovers displaced; owed is contracted less played on a past day as the make-good job last"
            + " counted it (hourly, or when a run is asked for), put down to plays the planner could not place"
            + " (shortfall), then plays a takeover displaced, then plays not played in full; make_good counts"
            + " make-good plays scheduled, none until make-goods are placed.";

    private final ReportRepository reports;
    private final StoredDelivery stored;

    DeliveryController(ReportRepository reports, StoredDelivery stored) {
        this.reports = reports;
        this.stored = stored;
    }

    @GetMapping("/api/v1/campaigns/{id}/delivery")
    Mono<ResponseEntity<?>> delivery(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        return Mono.defer(() -> {
            ReportFormat file = ReportFormat.of(format, accept);
            return reports.campaignName(id)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(
                            "unknown-campaign", "Unknown campaign", "No campaign has id " + id + ".")))
                    .zipWith(reports.latestVersion().switchIfEmpty(Mono.error(ReportRefusal.NoVersion::new)))
                    .zipWith(
                            stored.rows(id).collectList(),
                            (both, rows) -> delivery(id, both.getT1(), both.getT2(), rows))
                    .flatMap(view -> file == ReportFormat.JSON
                            ? Mono.just(ResponseEntity.ok()
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body(view))
                            : Mono.fromCallable(() -> file == ReportFormat.CSV
                                            ? DeliveryFiles.csv(view)
                                            : DeliveryFiles.xlsx(view))
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

    private static DeliveryView delivery(String id, String name, VersionFacts latest, List<DeliveryView.Row> rows) {
        long[] total = new long[11];
        for (DeliveryView.Row row : rows) {
            total[0] += orZero(row.contractedPlays());
            total[1] += orZero(row.scheduledPlays());
            total[2] += orZero(row.scheduledSeconds());
            total[3] += row.playedPlays();
            total[4] += row.reportedPlays();
            total[5] += row.lostPlays();
            total[6] += row.makeGoodPlays();
            if (row.owed() != null) {
                total[7] += row.owed().plays();
                total[8] += row.owed().shortfallPlays();
                total[9] += row.owed().takeoverPlays();
                total[10] += row.owed().notPlayedPlays();
            }
        }
        return new DeliveryView(
                id,
                name,
                latest.version(),
                latest.firstDay(),
                latest.days(),
                NOTE,
                List.copyOf(rows),
                new DeliveryView.Totals(
                        total[0], total[1], total[2], total[3], total[4], total[5], total[6], total[7], total[8],
                        total[9], total[10]));
    }

    private static long orZero(@Nullable Long value) {
        return value == null ? 0 : value;
    }
}
