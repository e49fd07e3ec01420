package io.railcast.bench.fleet;

import io.railcast.agent.protocol.Backoff;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import io.railcast.agent.protocol.SseParser;
import io.railcast.agent.protocol.Takeover;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import tools.jackson.jr.ob.JSON;

/**
 * One virtual agent's event stream, {@code GET /agent/v1/events} (docs/agent-protocol.md): kept open from
 * {@link #open} to {@link #close}, opened again after it ends (soon after a clean end, with backoff after a failure)
 * from the last event id seen, and each {@code schedule} event passed on to the agent: the version it names as heard
 * of, then a schedule fetch; each {@code takeover} event is passed on as it is, since it carries everything needed.
 * {@link EventLines} reads the response and calls back here.
 */
final class EventStream {

    private final FleetContext fleet;
    private final Function<String, HttpRequest.Builder> requests;
    private final LongConsumer heard;
    private final Consumer<List<String>> fetch;
    private final Consumer<Takeover> takeover;
    private final Backoff backoff = new Backoff();
    private volatile boolean running;
    private volatile String lastEventId;
    private volatile Flow.Subscription stream;

    /**
     * {@code requests} starts a request to a path of the server with the agent's token; {@code heard} takes the
     * version a {@code schedule} event names, when it names one, and {@code fetch} is run for every such event;
     * {@code takeover} takes the takeover of each {@code takeover} event.
     */
    EventStream(
            FleetContext fleet,
            Function<String, HttpRequest.Builder> requests,
            LongConsumer heard,
            Consumer<List<String>> fetch,
            Consumer<Takeover> takeover) {
        this.fleet = fleet;
        this.requests = requests;
        this.heard = heard;
        this.fetch = fetch;
        this.takeover = takeover;
    }

    /** Opens the stream, and opens it again whenever it ends until {@link #close}. */
    void open() {
        running = true;
        listen();
    }

    /** Ends the stream and does not open it again. */
    void close() {
        running = false;
        Flow.Subscription current = stream;
        if (current != null) {
            current.cancel();
        }
    }

    private void listen() {
        if (!running) {
            return;
        }
        HttpRequest.Builder request = requests.apply("/agent/v1/events").header("Accept", "text/event-stream");
        String last = lastEventId;
        if (last != null) {
            request.header("Last-Event-ID", last);
        }
        EventLines lines = new EventLines(this, last);
        fleet.streams()
                .sendAsync(
                        request.build(),
                        info -> info.statusCode() == 200
                                ? HttpResponse.BodySubscribers.fromLineSubscriber(lines)
                                : HttpResponse.BodySubscribers.<Void>replacing(null))
                .whenComplete((response, failure) -> {
                    fleet.counters().streamsEnded.increment();
                    stream = null;
                    if (failure == null && response != null && response.statusCode() == 200) {
                        backoff.reset();
                        if (running) {
                            later(Backoff.INITIAL);
                        }
                    } else if (running) {
                        later(backoff.next());
                    }
                });
    }

    void opened(Flow.Subscription subscription) {
        fleet.counters().streamsOpened.increment();
        stream = subscription;
        if (!running) {
            subscription.cancel();
        }
    }

    void event(SseParser.Event event) {
        fleet.counters().streamEvents.increment();
        if (event.id() != null && !event.id().isEmpty()) {
            lastEventId = event.id();
        }
        if ("takeover".equals(event.type())) {
            fleet.counters().takeoverEvents.increment();
            try {
                takeover.accept(Takeover.parse(JsonObject.parse(event.data().getBytes(StandardCharsets.UTF_8))));
            } catch (MalformedMessage e) {
                fleet.counters().failed(e);
            }
            return;
        }
        if (!"schedule".equals(event.type())) {
            return;
        }
        Map<String, Object> schedule = JSON.std.mapFrom(event.data());
        if (schedule.get("version") instanceof Number number) {
            heard.accept(number.longValue());
        }
        fleet.counters().scheduleEvents.increment();
        List<String> plans = new ArrayList<>();
        if (schedule.get("plans") instanceof List<?> named) {
            named.forEach(id -> plans.add(String.valueOf(id)));
        }
        fetch.accept(plans);
    }

    private void later(Duration delay) {
        fleet.timers().schedule(this::listen, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
