package io.railcast.server.system;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * ETags of single objects ({@code GET /api/v1/stations/{code}}, {@code screens/{id}}, {@code campaigns/{id}},
 * {@code creatives/{id}}): an answer made with {@link #ok} carries its tag, and a {@code GET} whose
 * {@code If-None-Match} names it is answered {@code 304 Not Modified} without a body (Spring's handling of a
 * {@link ResponseEntity} with an ETag). {@code Cache-Control: no-cache} lets a client keep the object but makes it
 * ask again each time, which costs it a 304.
 */
public final class EntityTags {

    private EntityTags() {}

    /** 200 with {@code body} and the strong ETag {@code "tag"}. */
    public static <T> ResponseEntity<T> ok(T body, String tag) {
        return ResponseEntity.ok()
                .eTag(tag)
                .cacheControl(CacheControl.noCache())
                .body(body);
    }

    /**
     * A tag for an object with no version of its own: the first 16 hex digits of the SHA-256 of its JSON, so it
     * changes exactly when the answer would.
     */
    public static String ofContent(Object body, JsonMapper json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Whether an {@code If-Match} header (absent, {@code *}, or a list of tags, weak or strong) names the tag of
     * {@code current}'s content: an edit made against another state of it is refused.
     */
    public static boolean matches(@Nullable String ifMatch, Object current, JsonMapper json) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return true;
        }
        String tag = ofContent(current, json);
        return Arrays.stream(ifMatch.split(","))
                .map(t -> t.strip().replaceFirst("^W/", "").replace("\"", ""))
                .anyMatch(tag::equals);
    }
}
