package io.railcast.agent.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A media file a schedule needs: where to fetch the creative ({@code url}, relative to the server), and the SHA-256
 * (lower-case hex) and size in bytes it must have. Files are cached by digest, so two creatives with the same bytes
 * share one file.
 */
public record MediaFile(String creative, String url, String sha256, long size, int duration) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public MediaFile {
        requireNonNull(creative, "creative");
        requireNonNull(url, "url");
        sha256 = sha256.toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 of " + creative + " is not 64 lower-case hex digits");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size of " + creative + " is negative");
        }
    }
}
