package io.railcast.agent;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the body of {@code GET /agent/v1/schedule} (see docs/agent-protocol.md) into a {@link Schedule}. */
public final class ScheduleJson {

    private ScheduleJson() {
    }

    /** The schedule of the body, checked whole; a malformed or incoherent body throws. */
    public static Schedule parse(byte[] body) throws MalformedMessage {
        JsonObject json = JsonObject.parse(body);
        List<ScheduledHour> hours = new ArrayList<>();
        for (JsonObject hour : json.array("hours")) {
            hours.add(new ScheduledHour(hour.instant("start"), hour.string("plan")));
        }
        Map<String, HourPlan> plans = new LinkedHashMap<>();
        for (Map.Entry<String, JsonObject> plan : json.objects("plans").entrySet()) {
            plans.put(plan.getKey(), plan(plan.getValue()));
        }
        Map<String, MediaFile> media = new LinkedHashMap<>();
        for (JsonObject file : json.array("media")) {
            MediaFile mediaFile = valid(() -> new MediaFile(file.string("creative"), file.string("url"),
                    file.string("sha256"), file.integer("size"), file.has("duration") ? file.int32("duration") : 0));
            media.put(mediaFile.creative(), mediaFile);
        }
        ZoneId zone = zone(json.string("zone"));
        return valid(() -> new Schedule(json.string("screenId"), json.integer("version"), json.instant("effectiveAt"),
                zone, json.instant("from"), json.instant("to"), hours, plans, media, json.string("fallback")));
    }

    private static HourPlan plan(JsonObject plan) throws MalformedMessage {
        JsonObject onAir = plan.object("onAir");
        List<Spot> spots = new ArrayList<>();
        for (JsonObject spot : plan.array("spots")) {
            spots.add(valid(() -> new Spot(spot.int32("offset"), spot.int32("duration"), spot.string("campaign"),
                    spot.string("creative"), spot.string("kind", "UNKNOWN"))));
        }
        return valid(() -> new HourPlan(onAir.int32("from"), onAir.int32("to"), spots));
    }

    private static ZoneId zone(String id) throws MalformedMessage {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new MalformedMessage("unknown zone " + id, e);
        }
    }

    /** Turns the model's own checks into the same failure as a malformed body. */
    private static <T> T valid(Construction<T> construction) throws MalformedMessage {
        try {
            return construction.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessage("incoherent schedule: " + e.getMessage(), e);
        }
    }

    private interface Construction<T> {
        T build() throws MalformedMessage;
    }
}
