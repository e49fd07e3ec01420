package io.railcast.server.system;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which page of a list a client asks for: at most {@code limit} items, those whose sort key comes after
 * {@code after} (absent: from the first). Lists are read by their key (keyset), never by an offset, so a page costs
 * the same deep in a list as at its start and an item added or removed meanwhile never shifts another one onto
 * the next page twice or off it.
 *
 * <p>Clients see the key only as a cursor, opaque to them: the base64url text (no padding) of the key's UTF-8
 * bytes, which they take from the {@code Link: <…>; rel="next"} header of the page before ({@link PageAnswer}).
 *
 * @param limit at most this many items, 1 to {@link #MAX_LIMIT}
 * @param after the sort key of the last item already seen; null for the first page
 */
public record PageRequest(int limit, @Nullable String after) {

    /** The most items one page holds. */
    public static final int MAX_LIMIT = 1_000;

    /** How many items a page holds when the client does not say: the network, campaign and creative lists. */
    public static final int DEFAULT_LIMIT = 100;

    /** The shape of ids and codes: the sort key of stations, screens, campaigns and creatives. */
    public static final Predicate<String> CODE = TextRules.CODE_PATTERN.asMatchPredicate();

    /** The shape of a positive whole number of up to 18 digits: the sort key of schedule versions. */
    public static final Predicate<String> NUMBER =
            Pattern.compile("[1-9][0-9]{0,17}").asMatchPredicate();

    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,400}");

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT + ", got " + limit);
        }
    }

    /**
     * The page named by the query parameters {@code limit} and {@code after}, either absent when null or blank (as
     * an empty form field sends it); each one that is wrong adds a problem naming it to {@code problems} (and the
     * answer is then meaningless). {@code keyShape} says which keys the list
     * has: a cursor that does not decode to one is refused, as is one made up or cut short.
     */
    public static PageRequest read(
            @Nullable String limit,
            @Nullable String after,
            int defaultLimit,
            Predicate<String> keyShape,
            List<FieldProblem> problems) {
        int size = defaultLimit;
        if (limit != null && !limit.isBlank()) {
            String text = limit.strip();
            if (!text.matches("[0-9]{1,9}")) {
                problems.add(FieldProblem.of(
                        "limit",
                        "limit must be a whole number from 1 to " + MAX_LIMIT + ", got " + TextRules.quote(limit)));
            } else if (Integer.parseInt(text) < 1 || Integer.parseInt(text) > MAX_LIMIT) {
                problems.add(FieldProblem.of("limit", "limit must be 1-" + MAX_LIMIT + ", got " + text));
            } else {
                size = Integer.parseInt(text);
            }
        }
        String key = null;
        if (after != null && !after.isBlank()) {
            key = key(after.strip());
            if (key == null || !keyShape.test(key)) {
                problems.add(FieldProblem.of(
                        "after",
                        "after must be the cursor of a Link rel=\"next\" of this list, got " + TextRules.quote(after)));
                key = null;
            }
        }
        return new PageRequest(size, key);
    }

    /** The rows to ask the store for: one more than the page holds, which tells whether more remain. */
    public int rows() {
        return limit + 1;
    }

    /** The cursor that names {@code key}: base64url of its UTF-8, without padding. */
    static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The key a cursor names; null when it is not base64url of UTF-8 text. */
    private static @Nullable String key(String cursor) {
        if (!CURSOR.matcher(cursor).matches() || cursor.length() % 4 == 1) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return null;
        }
    }
}
