package io.railcast.agent.protocol;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.jr.ob.JSON;

/**
 * Typed reads from the maps jackson-jr parses into, naming the field's path when something is missing or of the wrong
 * type. The agent maps JSON by hand instead of binding records, so the wire format and the model can differ and the
 * model carries no annotations.
 */
public final class JsonObject {

    private final Map<String, Object> fields;
    private final String path;

    private JsonObject(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** The object jackson-jr read as {@code fields}, found at {@code path} ({@code $} for the whole message). */
    public static JsonObject of(Map<?, ?> fields, String path) {
        return new JsonObject(asMap(fields), path);
    }

    public static JsonObject parse(byte[] json) throws MalformedMessage {
        try {
            return new JsonObject(JSON.std.mapFrom(json), "$");
        } catch (JacksonException e) {
            throw new MalformedMessage("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes a value made of maps, lists, strings, numbers and booleans as UTF-8 JSON. */
    public static byte[] write(Object value) {
        return JSON.std.asBytes(value);
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public String string(String name) throws MalformedMessage {
        return typed(name, String.class, "a string");
    }

    public String string(String name, String fallback) throws MalformedMessage {
        return has(name) ? string(name) : fallback;
    }

    public long integer(String name) throws MalformedMessage {
        Number number = typed(name, Number.class, "a number");
        if (number instanceof Double || number instanceof Float || number.doubleValue() != number.longValue()) {
            throw new MalformedMessage(path + "." + name + " must be a whole number, was " + number);
        }
        return number.longValue();
    }

    public int int32(String name) throws MalformedMessage {
        long value = integer(name);
        if (value != (int) value) {
            throw new MalformedMessage(path + "." + name + " is out of range: " + value);
        }
        return (int) value;
    }

    public boolean bool(String name, boolean fallback) throws MalformedMessage {
        return has(name) ? typed(name, Boolean.class, "true or false") : fallback;
    }

    public Instant instant(String name) throws MalformedMessage {
        String text = string(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessage(path + "." + name + " is not an ISO-8601 instant: " + text, e);
        }
    }

    public JsonObject object(String name) throws MalformedMessage {
        return new JsonObject(asMap(typed(name, Map.class, "an object")), path + "." + name);
    }

    /** The members of an object field, in the order the server wrote them. */
    public Map<String, JsonObject> objects(String name) throws MalformedMessage {
        Map<String, JsonObject> members = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry :
                asMap(typed(name, Map.class, "an object")).entrySet()) {
            if (!(entry.getValue() instanceof Map<?, ?> member)) {
                throw new MalformedMessage(path + "." + name + "." + entry.getKey() + " must be an object");
            }
            members.put(entry.getKey(), new JsonObject(asMap(member), path + "." + name + "." + entry.getKey()));
        }
        return members;
    }

    public List<JsonObject> array(String name) throws MalformedMessage {
        List<?> items = typed(name, List.class, "an array");
        List<JsonObject> objects = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                throw new MalformedMessage(path + "." + name + "[" + i + "] must be an object");
            }
            objects.add(new JsonObject(asMap(item), path + "." + name + "[" + i + "]"));
        }
        return objects;
    }

    public List<String> strings(String name) throws MalformedMessage {
        List<?> items = typed(name, List.class, "an array");
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw new MalformedMessage(path + "." + name + " must hold only strings");
            }
            strings.add(text);
        }
        return strings;
    }

    private <T> T typed(String name, Class<T> type, String what) throws MalformedMessage {
        Object value = fields.get(name);
        if (value == null) {
            throw new MalformedMessage(path + "." + name + " is missing");
        }
        if (!type.isInstance(value)) {
            throw new MalformedMessage(path + "." + name + " must be " + what);
        }
        return type.cast(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Map<?, ?> map) {
        // jackson-jr only ever produces String keys
        return (Map<String, Object>) map;
    }
}
