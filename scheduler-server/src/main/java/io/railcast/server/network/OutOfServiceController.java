package io.railcast.server.network;

import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/v1/stations/{code}/out-of-service}: the periods off air of the station and its screens that have
 * not ended, so that whoever looks at a station sees what is dark and until when. (Taking them out of service is the
 * {@code outage} feature's POST on the same path.)
 */
@RestController
class OutOfServiceController {

    /** More periods than any station has at once; a bound, not a page. */
    static final int MOST = 1_000;

    private final StationService stations;
    private final OutOfServiceRepository periods;
    private final Clock clock;

    OutOfServiceController(StationService stations, OutOfServiceRepository periods, Clock clock) {
        this.stations = stations;
        this.periods = periods;
        this.clock = clock;
    }

    @GetMapping("/api/v1/stations/{code}/out-of-service")
    Flux<OutOfServicePeriod> current(@PathVariable String code) {
        return stations.get(code).flatMapMany(station -> periods.current(code, clock.instant(), MOST));
    }
}
