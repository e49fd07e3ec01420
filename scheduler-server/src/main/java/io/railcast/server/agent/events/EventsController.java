package io.railcast.server.agent.events;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/** {@code GET /agent/v1/events}: the calling screen's Server-Sent Events ({@link EventStreams}). */
@RestController
class EventsController {

    private final EventStreams streams;

    EventsController(EventStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/agent/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events(
            Authentication screen,
            @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId,
            ServerHttpResponse response) {
        // a reverse proxy must pass events on as they come, not buffer them
        response.getHeaders().set("X-Accel-Buffering", "no");
        return streams.stream(screen.getName(), (String) screen.getCredentials(), version(lastEventId));
    }

    private static @Nullable Long version(@Nullable String lastEventId) {
        if (lastEventId == null) {
            return null;
        }
        try {
            return Long.parseLong(lastEventId.strip());
        } catch (NumberFormatException e) {
            return null; // not one of ours: as if absent
        }
    }
}
