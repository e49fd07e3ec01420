package io.railcast.bench.fleet;

import io.railcast.agent.protocol.SseParser;
import java.util.concurrent.Flow;

/**
 * Reads one {@code /agent/v1/events} response line by line as the HTTP client delivers it, without a thread of its
 * own, and hands each complete event to its {@link EventStream}. Lines arrive one at a time, so the parser needs no
 * lock.
 */
final class EventLines implements Flow.Subscriber<String> {

    private final EventStream stream;
    private final SseParser parser;

    EventLines(EventStream stream, String lastEventId) {
        this.stream = stream;
        this.parser = new SseParser(lastEventId);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        stream.opened(subscription);
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        SseParser.Event event = parser.line(line);
        if (event != null) {
            stream.event(event);
        }
    }

    @Override
    public void onError(Throwable failure) {
        // the response's future fails too, and the stream reconnects from there
    }

    @Override
    public void onComplete() {
        // as above
    }
}
