package io.railcast.agent.protocol;

/**
 * The text/event-stream format, fed one line at a time: {@code field: value} lines build an event, a blank line
 * dispatches it, lines starting with a colon are comments. The last {@code id} seen is kept across events, since that
 * is what {@code Last-Event-ID} carries on reconnect. Not thread-safe: one per connection reader.
 */
public final class SseParser {

    /** One dispatched event: its type ("message" when unnamed), the last id seen, and its data lines. */
    public record Event(String type, String id, String data) {}

    private String type = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String lastEventId;

    /** A parser for one connection, starting from the {@code Last-Event-ID} sent with it (or null). */
    public SseParser(String lastEventId) {
        this.lastEventId = lastEventId;
    }

    public String lastEventId() {
        return lastEventId;
    }

    /** Takes one line without its line end; returns the event a blank line completes, else null. */
    public Event line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> type = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            default -> {
                // "retry" and unknown fields: the agent keeps its own backoff
            }
        }
        return null;
    }

    private Event dispatch() {
        Event event = null;
        if (hasData) {
            data.setLength(data.length() - 1);
            event = new Event(type.isEmpty() ? "message" : type, lastEventId, data.toString());
        }
        type = "";
        data.setLength(0);
        hasData = false;
        return event;
    }
}
