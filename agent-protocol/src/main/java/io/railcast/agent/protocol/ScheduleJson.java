package io.railcast.agent.protocol;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.jr.ob.JSON;

/**
 * Reads the body of {@code GET /agent/v1/schedule} (see docs/agent-protocol.md) into a {@link Schedule}. Most of a
 * body is its plans (some 20 KB of JSON each), and most plans of a new version are those of the one before: plan ids
 * are digests of their content, so a plan already held is taken as it is and its JSON skipped, not read again.
 */
public final class ScheduleJson {

    private ScheduleJson() {}

    /** The schedule of the body, checked whole; a malformed or incoherent body throws. */
    public static Schedule parse(byte[] body) throws MalformedMessage {
        return parse(body, Map.of());
    }

    /**
     * The schedule of the body, checked whole, taking the plans of {@code known} (by id) instead of reading those
     * the body holds again; a body that names its plans without their bodies ({@link NamedPlans}) takes them all
     * from {@code known}. A malformed or incoherent body, or one naming a plan neither it nor {@code known} holds,
     * throws.
     */
    public static Schedule parse(byte[] body, Map<String, HourPlan> known) throws MalformedMessage {
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, HourPlan> plans = new LinkedHashMap<>();
        boolean plansRead = false;
        try (JsonParser parser = JSON.std.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessage("not a JSON object: starts with " + parser.currentToken());
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                if (parser.nextToken() == JsonToken.START_OBJECT && name.equals("plans")) {
                    readPlans(parser, known, plans);
                    plansRead = true;
                } else {
                    fields.put(name, JSON.std.anyFrom(parser));
                }
            }
        } catch (JacksonException e) {
            throw new MalformedMessage("not a JSON object: " + e.getOriginalMessage(), e);
        }
        JsonObject json = JsonObject.of(fields, "$");
        if (!plansRead) {
            if (json.has("plans")) {
                json.objects("plans"); // throws: not an object
            }
            for (String id : NamedPlans.named(json)) {
                HourPlan plan = known.get(id);
                if (plan == null) {
                    throw new MalformedMessage("plan " + id + " is named but neither sent nor held");
                }
                plans.put(id, plan);
            }
        }
        List<ScheduledHour> hours = new ArrayList<>();
        for (JsonObject hour : json.array("hours")) {
            hours.add(new ScheduledHour(hour.instant("start"), hour.string("plan")));
        }
        Map<String, MediaFile> media = new LinkedHashMap<>();
        for (JsonObject file : json.array("media")) {
            MediaFile mediaFile = valid(() -> new MediaFile(
                    file.string("creative"),
                    file.string("url"),
                    file.string("sha256"),
                    file.integer("size"),
                    file.has("duration") ? file.int32("duration") : 0));
            media.put(mediaFile.creative(), mediaFile);
        }
        ZoneId zone = zone(json.string("zone"));
        List<Takeover> takeovers = new ArrayList<>();
        if (json.has("takeovers")) { // absent from servers before takeovers
            for (JsonObject takeover : json.array("takeovers")) {
                takeovers.add(Takeover.parse(takeover));
            }
        }
        return valid(() -> new Schedule(
                json.string("screenId"),
                json.integer("version"),
                json.instant("effectiveAt"),
                zone,
                json.instant("from"),
                json.instant("to"),
                hours,
                plans,
                media,
                json.string("fallback"),
                takeovers));
    }

    /** Reads the members of {@code plans} into {@code plans}, the parser on its opening brace; known ones skipped. */
    private static void readPlans(JsonParser parser, Map<String, HourPlan> known, Map<String, HourPlan> plans)
            throws MalformedMessage {
        for (String id = parser.nextName(); id != null; id = parser.nextName()) {
            HourPlan plan = known.get(id);
            if (parser.nextToken() == JsonToken.START_OBJECT && plan != null) {
                parser.skipChildren();
            } else if (JSON.std.anyFrom(parser) instanceof Map<?, ?> member) {
                plan = plan(JsonObject.of(member, "$.plans." + id));
            } else {
                throw new MalformedMessage("$.plans." + id + " must be an object");
            }
            plans.put(id, plan);
        }
    }

    /** One plan's JSON, as {@code GET /agent/v1/plans/{id}} sends it; malformed or incoherent JSON throws. */
    public static HourPlan plan(byte[] json) throws MalformedMessage {
        return plan(JsonObject.parse(json));
    }

    private static HourPlan plan(JsonObject plan) throws MalformedMessage {
        JsonObject onAir = plan.object("onAir");
        List<Spot> spots = new ArrayList<>();
        for (JsonObject spot : plan.array("spots")) {
            spots.add(valid(() -> new Spot(
                    spot.int32("offset"),
                    spot.int32("duration"),
                    spot.string("campaign"),
                    spot.string("creative"),
                    spot.string("kind", "UNKNOWN"))));
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
