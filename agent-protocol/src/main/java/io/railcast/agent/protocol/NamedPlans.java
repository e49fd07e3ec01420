package io.railcast.agent.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.jr.ob.JSON;

/**
 * A schedule answer that names its plans without their bodies ({@code GET /agent/v1/schedule?plans=ids}, see
 * docs/agent-protocol.md) made whole: the plans the agent holds are written back from what it holds, those it lacks
 * are taken by id ({@code GET /agent/v1/plans/{id}}). The whole body is what the agent stores, so a restart reads it
 * as if the server had sent it whole. An answer that carries its plans (a server that predates plan ids) is whole
 * already and is returned as it is.
 */
public final class NamedPlans {

    /** Takes plans by id: the JSON of each, as {@code plans[id]} of a whole answer. */
    @FunctionalInterface
    public interface Source {
        Map<String, byte[]> fetch(Set<String> ids) throws IOException, InterruptedException;
    }

    private NamedPlans() {}

    /**
     * {@code body} with its {@code plans}, those of {@code held} written from them and the rest taken from
     * {@code source}; a body that is not a JSON object, or that {@code source} answers without a plan it names,
     * throws {@link MalformedMessage}.
     */
    public static byte[] whole(byte[] body, Map<String, HourPlan> held, Source source)
            throws IOException, InterruptedException {
        Map<String, Object> fields;
        try {
            fields = new LinkedHashMap<>(JSON.std.mapFrom(body));
        } catch (JacksonException e) {
            throw new MalformedMessage("not a JSON object: " + e.getOriginalMessage(), e);
        }
        if (fields.containsKey("plans")) {
            return body;
        }
        Map<String, Object> plans = new LinkedHashMap<>();
        Set<String> lacking = new LinkedHashSet<>();
        for (String id : named(JsonObject.of(fields, "$"))) {
            HourPlan plan = held.get(id);
            if (plan != null) {
                plans.put(id, json(plan));
            } else {
                lacking.add(id);
            }
        }
        Map<String, byte[]> fetched = lacking.isEmpty() ? Map.of() : source.fetch(lacking);
        for (String id : lacking) {
            byte[] json = fetched.get(id);
            if (json == null) {
                throw new MalformedMessage("plan " + id + " is named but could not be taken");
            }
            try {
                plans.put(id, JSON.std.anyFrom(json));
            } catch (JacksonException e) {
                throw new MalformedMessage("plan " + id + " is not JSON: " + e.getOriginalMessage(), e);
            }
        }
        fields.put("plans", plans);
        return JSON.std.asBytes(fields);
    }

    /** The plans a schedule answer names: each hour's and the fallback, in order of first mention. */
    public static Set<String> named(byte[] body) throws MalformedMessage {
        return named(JsonObject.parse(body));
    }

    static Set<String> named(JsonObject body) throws MalformedMessage {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonObject hour : body.array("hours")) {
            ids.add(hour.string("plan"));
        }
        if (body.has("fallback")) {
            ids.add(body.string("fallback"));
        }
        return ids;
    }

    /** A plan as {@code plans[id]} of a whole answer. */
    static Map<String, Object> json(HourPlan plan) {
        List<Object> spots = new ArrayList<>(plan.spots().size());
        for (Spot spot : plan.spots()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("offset", spot.offset());
            json.put("duration", spot.duration());
            json.put("campaign", spot.campaign());
            json.put("creative", spot.creative());
            json.put("kind", spot.kind());
            spots.add(json);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("onAir", Map.of("from", plan.onAirFrom(), "to", plan.onAirTo()));
        json.put("spots", spots);
        return json;
    }
}
