package io.railcast.server.planning;

import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code /api/v1/plans/events}: the planner's progress as Server-Sent Events, {@code plan-started},
 * {@code plan-progress} and {@code plan-finished} (see {@link PlanEvent}); a comment at once, so a client knows it is subscribed, and then
 * every 15 s, so proxies keep an idle stream open.
 * Events of this server's planner only; a run on another instance is not shown.
 */
@RestController
@RequestMapping("/api/v1/plans")
class PlanEventController {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final PlanningService planning;

    PlanEventController(PlanningService planning) {
        this.planning = planning;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<PlanEvent>> events() {
        Flux<ServerSentEvent<PlanEvent>> progress = planning.events()
                .map(event -> ServerSentEvent.builder(event).event(event.type()).build());
        Flux<ServerSentEvent<PlanEvent>> heartbeat = Flux.interval(HEARTBEAT)
                .map(tick -> ServerSentEvent.<PlanEvent>builder()
                        .comment("heartbeat")
                        .build());
        // merge subscribes in order: once the client has the "subscribed" comment, it misses no later run
        Flux<ServerSentEvent<PlanEvent>> subscribed = Flux.just(
                ServerSentEvent.<PlanEvent>builder().comment("subscribed").build());
        return Flux.merge(progress, subscribed, heartbeat);
    }
}
