package io.railcast.server.report;

import io.railcast.server.system.PsaFloors;
import io.railcast.server.system.TextRules;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/v1/reports/public-service?from=&to=}: the CSR team's public-service report for the days
 * {@code from} to {@code to} (included, at most two years), read from the stored figures alone, so every instance
 * answers the same bytes. JSON by default; {@code ?format=csv} (one table, {@code &table=} one of
 * {@link PublicServiceTables#NAMES}, stations by default) or {@code xlsx} (every table), or the matching
 * {@code Accept}.
 */
@RestController
class PublicServiceController {

    static final String NOTE = "Days are the stations' local days, from and to included. Plays and airtime count the"
            + " plays of scheduled spots that the screens reported running their full length (within 0.5 s), for"
            + " as long as they ran; a version is a PSA creative with at least one such play. A province's PSA share"
            + " is PSA airtime against commercial airtime there (filler counts for neither), set against its floor"
            + " (railcast.planning.psa-share). Guaranteed PSAs: contracted as stored by the versions that planned"
            + " each day; make-good plays as scheduled; owed as the make-good job last counted it (every cause: not"
            + " placed, displaced by a takeover, not played), none for a day it has not counted yet.";

    private final StoredPublicService stored;
    private final PsaFloors floors;

    PublicServiceController(StoredPublicService stored, Environment environment) {
        this.stored = stored;
        this.floors = PsaFloors.of(environment);
    }

    @GetMapping("/api/v1/reports/public-service")
    Mono<ResponseEntity<?>> report(
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String format,
            @RequestParam(required = false) @Nullable String table,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        return Mono.defer(() -> {
            ReportPeriod.Days period = ReportPeriod.days(from, to);
            ReportFormat file = ReportFormat.of(format, accept);
            if (file != ReportFormat.CSV && table != null) {
                throw new ReportRefusal.BadQuery("table", "table is only for format=csv");
            }
            String name = table == null
                    ? PublicServiceTables.NAMES.get(0)
                    : table.strip().toLowerCase(Locale.ROOT);
            if (!PublicServiceTables.NAMES.contains(name)) {
                throw new ReportRefusal.BadQuery(
                        "table",
                        "table must be one of " + String.join(", ", PublicServiceTables.NAMES) + ", got "
                                + TextRules.quote(table == null ? "" : table));
            }
            return view(period).flatMap(view -> switch (file) {
                case JSON ->
                    Mono.just(ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(view));
                case CSV -> {
                    ReportTable csv = PublicServiceTables.named(view, name).orElseThrow();
                    yield Mono.just(file(period, csv.name(), ReportFormat.CSV, csv.csv()));
                }
                case XLSX ->
                    Mono.fromCallable(() ->
                                    ReportTable.xlsx(PublicServiceTables.of(view), PublicServiceTables.about(view)))
                            // POI builds the workbook in memory: not on an event loop
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(bytes -> file(period, "all", ReportFormat.XLSX, bytes));
            });
        });
    }

    private Mono<PublicServiceView> view(ReportPeriod.Days period) {
        return Mono.zip(
                        stored.total(period),
                        stored.versions(period).collectList(),
                        stored.months(period).collectList(),
                        stored.provinces(period)
                                .map(p -> PublicServiceView.Province.of(
                                        p.province(),
                                        p.aired(),
                                        p.psaMillis(),
                                        p.commercialMillis(),
                                        floors.floorOf(p.province())))
                                .collectList(),
                        stored.stations(period).collectList(),
                        stored.guaranteed(period).collectList())
                .map(all -> new PublicServiceView(
                        period.from(),
                        period.to(),
                        NOTE,
                        all.getT1(),
                        all.getT2(),
                        all.getT3(),
                        all.getT4(),
                        all.getT5(),
                        all.getT6()));
    }

    private static ResponseEntity<?> file(ReportPeriod.Days period, String table, ReportFormat type, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(type.mediaType())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"public-service-" + period.from() + "-" + period.to() + "-" + table + "."
                                + type.extension() + "\"")
                .body(bytes);
    }
}
