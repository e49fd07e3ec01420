package io.railcast.server.creative;

import io.railcast.model.network.ScreenType;
import io.railcast.server.system.EnumText;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.TextRules;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * What an upload says about its media besides the bytes.
 *
 * @param id              1–64 characters of letters, digits, '.', '_' and '-', starting with a letter or digit
 * @param durationSeconds how long it plays (an image is shown that long)
 * @param screenTypes     the screen types it was made for, at least one
 * @param sha256          the file's SHA-256 as the uploader computed it (64 hex digits, lower case), or null when
 *                        not declared; an upload whose bytes have another digest is refused, so a file damaged on
 *                        the way is never stored
 */
record CreativeMetadata(
        String id,
        int durationSeconds,
        Set<ScreenType> screenTypes,
        @Nullable String sha256) {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final int MAX_DURATION_SECONDS = 3600;

    /** Reads the fields, naming every one that is wrong in an {@link CreativeRefusal.InvalidCreative}. */
    static CreativeMetadata parse(
            @Nullable String id,
            @Nullable String durationSeconds,
            @Nullable List<String> screenTypes,
            @Nullable String sha256) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || !ID.matcher(id.strip()).matches()) {
            problems.add(FieldProblem.of(
                    "id", "id must be 1-64 letters, digits, '.', '_' or '-', starting with a" + " letter or digit"));
        }
        int duration = 0;
        try {
            duration = durationSeconds == null ? 0 : Integer.parseInt(durationSeconds.strip());
        } catch (NumberFormatException e) {
            duration = 0;
        }
        if (duration <= 0 || duration > MAX_DURATION_SECONDS) {
            problems.add(FieldProblem.of(
                    "durationSeconds",
                    "durationSeconds must be a whole number from 1 to "
                            + MAX_DURATION_SECONDS + ", got "
                            + (durationSeconds == null ? "nothing" : TextRules.quote(durationSeconds))));
        }
        Set<ScreenType> types = EnumSet.noneOf(ScreenType.class);
        List<String> unknown = new ArrayList<>();
        for (String value : screenTypes == null ? List.<String>of() : screenTypes) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                EnumText.parse(ScreenType.class, name).ifPresentOrElse(types::add, () -> unknown.add(name.strip()));
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(FieldProblem.of(
                    "screenTypes", "screenTypes must be among " + List.of(ScreenType.values()) + ", got " + unknown));
        } else if (types.isEmpty()) {
            problems.add(FieldProblem.of(
                    "screenTypes", "screenTypes must name at least one of " + List.of(ScreenType.values())));
        }
        String digest = sha256 == null || sha256.isBlank() ? null : sha256.strip();
        if (digest != null && !SHA256.matcher(digest).matches()) {
            problems.add(
                    FieldProblem.of("sha256", "sha256 must be 64 hexadecimal digits, got " + TextRules.quote(sha256)));
        }
        if (!problems.isEmpty()) {
            throw new CreativeRefusal.InvalidCreative(problems);
        }
        return new CreativeMetadata(
                id.strip(), duration, types, digest == null ? null : digest.toLowerCase(Locale.ROOT));
    }

    /**
     * Refuses {@code received} as {@link CreativeRefusal.MediaDamaged} when the uploader declared another digest.
     */
    void checkDigest(ReceivedMedia received) {
        if (sha256 != null && !sha256.equals(received.sha256())) {
            throw new CreativeRefusal.MediaDamaged(received.sizeBytes(), received.sha256(), sha256);
        }
    }

    /**
     * The declared content type if it is a video or an image; otherwise refused as unsupported media naming
     * {@code field}.
     */
    static String mediaType(@Nullable MediaType type, String field) {
        if (type != null
                && !type.isWildcardSubtype()
                && ("video".equals(type.getType()) || "image".equals(type.getType()))) {
            return type.getType() + "/" + type.getSubtype();
        }
        throw unsupported(type, field);
    }

    static CreativeRefusal unsupported(@Nullable MediaType type, String field) {
        return new CreativeRefusal.UnsupportedMedia(field, type == null ? "nothing" : type.toString(), null);
    }
}
