package io.railcast.server.report;

import io.railcast.server.system.ApiProblem;
import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/campaigns/{id}/proof-of-play?from=&to=}: the campaign's plays that count, started in
 * [{@code from}, {@code to}) (UTC instants, at most 31 days), one by one as the Outsmart OOH Playout Reporting
 * Standard v2.0's spot-level JSON ({@link PlayoutReport}), streamed from {@code play_record} a page at a time
 * ({@link StoredPlays}): the answer's size has no bound in the server's memory. Once the first bytes are sent a
 * failure can only cut the answer short, which a JSON reader sees as an incomplete document.
 */
@RestController
class ProofOfPlayController {

    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    private final StoredPlays plays;
    private final Clock clock;

    ProofOfPlayController(StoredPlays plays, Clock clock) {
        this.plays = plays;
        this.clock = clock;
    }

    @GetMapping("/api/v1/campaigns/{id}/proof-of-play")
    Mono<ResponseEntity<Flux<DataBuffer>>> proofOfPlay(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        return Mono.defer(() -> {
            ReportPeriod.Instants period = ReportPeriod.instants(from, to);
            return plays.campaign(id)
                    .switchIfEmpty(Mono.error(() -> ApiProblem.notFound(
                            "unknown-campaign", "Unknown campaign", "No campaign has id " + id + ".")))
                    .map(campaign -> answer(id, campaign, period));
        });
    }

    private ResponseEntity<Flux<DataBuffer>> answer(String id, List<String> campaign, ReportPeriod.Instants period) {
        PlayoutReport report =
                new PlayoutReport(id, campaign.get(1), campaign.get(0), clock.instant(), period.from(), period.to());
        Flux<byte[]> body = Flux.concat(
                Mono.fromSupplier(report::head),
                plays.pages(id, period.from(), period.to())
                        .map(page -> report.stats(
                                page.stream().map(StoredPlays.Stored::play).toList())),
                Mono.fromSupplier(report::tail));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + report.fileName() + "\"")
                .body(body.map(BUFFERS::wrap));
    }
}
