package io.railcast.agent.journal;

import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One line of the play journal. A play is journaled twice: when it starts (so its id is fixed before anything can go
 * wrong) and when it finishes (with its length). A start never followed by a finish was cut by a crash.
 */
sealed interface JournalEntry {

    UUID playId();

    record Started(PlayStart play) implements JournalEntry {
        @Override
        public UUID playId() {
            return play.playId();
        }
    }

    /** {@code interrupted} marks a finish written on recovery for a play the agent did not see end. */
    record Finished(UUID playId, long durationMillis, boolean interrupted) implements JournalEntry {}

    static byte[] toJson(JournalEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        if (entry instanceof Started started) {
            PlayStart play = started.play();
            json.put("entry", "start");
            json.put("playId", play.playId().toString());
            json.put("screenId", play.screenId());
            json.put("campaign", play.campaign());
            json.put("creative", play.creative());
            json.put("startedAt", play.startedAt().toString());
            json.put("scheduleVersion", play.scheduleVersion());
        } else if (entry instanceof Finished finished) {
            json.put("entry", "finish");
            json.put("playId", finished.playId().toString());
            json.put("durationMillis", finished.durationMillis());
            if (finished.interrupted()) {
                json.put("interrupted", true);
            }
        }
        return JsonObject.write(json);
    }

    static JournalEntry fromJson(byte[] bytes) throws MalformedMessage {
        JsonObject json = JsonObject.parse(bytes);
        UUID playId = uuid(json.string("playId"));
        String kind = json.string("entry");
        switch (kind) {
            case "start":
                return new Started(new PlayStart(
                        playId,
                        json.string("screenId"),
                        json.string("campaign"),
                        json.string("creative"),
                        json.instant("startedAt"),
                        json.integer("scheduleVersion")));
            case "finish":
                return new Finished(playId, json.integer("durationMillis"), json.bool("interrupted", false));
            default:
                throw new MalformedMessage("unknown journal entry " + kind);
        }
    }

    private static UUID uuid(String text) throws MalformedMessage {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("not a play id: " + text, e);
        }
    }
}
