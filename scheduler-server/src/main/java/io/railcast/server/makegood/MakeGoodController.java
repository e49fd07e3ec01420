package io.railcast.server.makegood;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/v1/make-goods/run}: a make-good run now, on this instance (administrators, operators and
 * planners); answers what it counted once it is stored. The same run as the hourly job.
 */
@RestController
class MakeGoodController {

    private final MakeGoods makeGoods;

    MakeGoodController(MakeGoods makeGoods) {
        this.makeGoods = makeGoods;
    }

    @PostMapping("/api/v1/make-goods/run")
    Mono<MakeGoodRun> run() {
        return makeGoods.run();
    }
}
