package io.railcast.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseParserTest {

    private static List<SseParser.Event> parse(SseParser parser, String... lines) {
        List<SseParser.Event> events = new ArrayList<>();
        for (String line : lines) {
            SseParser.Event event = parser.line(line);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    @Test
    void readsTheProtocolsScheduleAndHeartbeatEvents() {
        List<SseParser.Event> events = parse(
                new SseParser(null),
                "event: schedule",
                "id: 43",
                "data: {\"version\": 43, \"urgent\": true}",
                "",
                "event: heartbeat",
                "data: {\"serverTime\": \"2026-11-24T03:12:15.120Z\"}",
                "");

        assertThat(events)
                .containsExactly(
                        new SseParser.Event("schedule", "43", "{\"version\": 43, \"urgent\": true}"),
                        new SseParser.Event("heartbeat", "43", "{\"serverTime\": \"2026-11-24T03:12:15.120Z\"}"));
    }

    @Test
    void keepsTheLastEventIdForTheReconnect() {
        SseParser parser = new SseParser("41");
        parse(parser, "event: heartbeat", "data: {}", "", "id: 42", "data: x", "", "data: y", "");

        assertThat(parser.lastEventId()).isEqualTo("42");
    }

    @Test
    void joinsDataLinesWithNewlinesAndCallsAnUntypedEventAMessage() {
        assertThat(parse(new SseParser(null), "data: first", "data:second", ""))
                .containsExactly(new SseParser.Event("message", null, "first\nsecond"));
    }

    @Test
    void ignoresCommentsAndBlankLinesThatCloseNoData() {
        assertThat(parse(new SseParser(null), ": keep-alive", "", "event: schedule", "", ""))
                .isEmpty();
    }

    @Test
    void aTypeWithoutDataDoesNotLeakIntoTheNextEvent() {
        assertThat(parse(new SseParser(null), "event: schedule", "", "data: x", ""))
                .containsExactly(new SseParser.Event("message", null, "x"));
    }
}
