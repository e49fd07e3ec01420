package io.railcast.server.report;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/delivery/alerts}: the active commercial campaigns that under-deliver, in one call, as
 * {@link DeliveryJudge} judges them.
 */
@RestController
class DeliveryAlertController {

    private final DeliveryJudge judge;

    DeliveryAlertController(DeliveryJudge judge) {
        this.judge = judge;
    }

    @GetMapping("/api/v1/delivery/alerts")
    Mono<List<DeliveryAlert>> alerts() {
        return judge.alerts();
    }
}
