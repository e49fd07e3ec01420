package io.railcast.server.audit;

import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which records to list, newest first: those of one object type (and id), of one user, recorded from {@code from}
 * (inclusive) until {@code to} (exclusive), at most {@code limit} of them, older than the record an {@code after}
 * cursor names.
 *
 * @param after the id of the last record of the page before, or null for the first page
 */
public record AuditQuery(
        @Nullable String objectType,
        @Nullable String objectId,
        @Nullable String user,
        @Nullable Instant from,
        @Nullable Instant to,
        int limit,
        @Nullable Long after) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1_000;

    private static final Base64.Encoder CURSOR = Base64.getUrlEncoder().withoutPadding();

    /**
     * The query of {@code GET /api/v1/audit}; {@code object} is a type ({@code campaign}) or a type and an id
     * ({@code campaign:C-000042}). Refused, naming each parameter at fault, when one is not understood.
     */
    static AuditQuery of(
            @Nullable String object,
            @Nullable String user,
            @Nullable String from,
            @Nullable String to,
            @Nullable String limit,
            @Nullable String after) {
        List<FieldProblem> problems = new ArrayList<>();
        String type = null;
        String id = null;
        if (present(object)) {
            int colon = object.indexOf(':');
            type = colon < 0 ? object : object.substring(0, colon);
            id = colon < 0 ? null : object.substring(colon + 1);
            if (TextRules.problem("object", object, TextRules.NAME) != null || type.isBlank() || "".equals(id)) {
                problems.add(FieldProblem.of(
                        "object", "object must be a type or type:id, e.g. campaign:C-000042, got " + quoted(object)));
            }
        }
        TextRules.check("user", user, TextRules.SHORT, problems);
        Instant since = instant("from", from, problems);
        Instant until = instant("to", to, problems);
        if (since != null && until != null && !since.isBefore(until)) {
            problems.add(FieldProblem.of("to", "to must be after from"));
        }
        AuditQuery query = new AuditQuery(
                type, id, present(user) ? user : null, since, until, limit(limit, problems), cursor(after, problems));
        if (!problems.isEmpty()) {
            throw new AuditRefusal(problems);
        }
        return query;
    }

    /**
     * One object's history, e.g. a campaign's, newest first, a page at a time: {@code limit} and {@code after} as
     * for {@code GET /api/v1/audit}. Refused (400, naming the parameter) when one is not understood.
     */
    public static AuditQuery ofObject(
            String objectType, String objectId, @Nullable String limit, @Nullable String after) {
        List<FieldProblem> problems = new ArrayList<>();
        AuditQuery query =
                new AuditQuery(objectType, objectId, null, null, null, limit(limit, problems), cursor(after, problems));
        if (!problems.isEmpty()) {
            throw new AuditRefusal(problems);
        }
        return query;
    }

    /** The opaque cursor that asks for the records after (older than) the one with this id. */
    static String cursor(long id) {
        return CURSOR.encodeToString(("audit:" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static int limit(@Nullable String text, List<FieldProblem> problems) {
        if (!present(text)) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        problems.add(FieldProblem.of("limit", "limit must be 1-" + MAX_LIMIT + ", got " + quoted(text)));
        return DEFAULT_LIMIT;
    }

    private static @Nullable Long cursor(@Nullable String text, List<FieldProblem> problems) {
        if (!present(text)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text.strip()), StandardCharsets.UTF_8);
            if (decoded.startsWith("audit:")) {
                long id = Long.parseLong(decoded.substring("audit:".length()));
                if (id > 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) { // not base64, or not a number
            // answered below
        }
        problems.add(FieldProblem.of("after", "after must be a cursor from a Link: rel=\"next\", got " + quoted(text)));
        return null;
    }

    private static @Nullable Instant instant(String field, @Nullable String text, List<FieldProblem> problems) {
        if (!present(text)) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.of(
                    field, field + " must be an instant like 2026-12-07T08:00:00Z, got " + quoted(text)));
            return null;
        }
    }

    private static boolean present(@Nullable String text) {
        return text != null && !text.isBlank();
    }

    private static String quoted(String text) {
        return TextRules.quote(text);
    }
}
