package io.railcast.server.system;

import io.railcast.server.ServerIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import reactor.core.Disposable;

/**
 * With every permit of the expensive reads held and the queue full (taken here through the server's own gate,
 * standing in for slow reports), a further report is answered 503 at once while everything else answers as usual.
 */
class ExpensiveReadsIT extends ServerIntegrationTest {

    @Autowired
    private ExpensiveReads reads;

    @Autowired
    private ReadLimitProperties settings;

    @Test
    void answersReportsBeyondTheLimit503WithRetryAfterWhileHealthAndBookingReadsGoOn() {
        List<ReadGate.Entry> held = new ArrayList<>();
        List<Disposable> queued = new ArrayList<>();
        try {
            for (int i = 0; i < settings.maxConcurrent(); i++) {
                held.add(reads.gate().enter().block());
            }
            for (int i = 0; i < settings.queue(); i++) {
                queued.add(reads.gate().enter().subscribe(ReadGate.Entry::release));
            }
            as("operator")
                    .get()
                    .uri("/api/v1/inventory")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "2")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.type")
                    .isEqualTo("/problems/reads-busy");
            as("operator")
                    .get()
                    .uri("/api/v1/screens/status")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503);
            anonymous
                    .get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
            as("operator")
                    .get()
                    .uri("/api/v1/campaigns")
                    .exchange()
                    .expectStatus()
                    .isOk();
        } finally {
            queued.forEach(Disposable::dispose);
            held.forEach(ReadGate.Entry::release);
        }
        as("operator").get().uri("/api/v1/inventory").exchange().expectStatus().isOk();
    }
}
