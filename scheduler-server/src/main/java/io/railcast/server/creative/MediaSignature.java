package io.railcast.server.creative;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The media types a screen plays, told from a file's first bytes, never from what an uploader declares: PNG, JPEG,
 * GIF and WebP images, MP4 and WebM videos (what the player agent's kiosk page shows without plug-ins). Anything else
 * (an SVG with a script in it, an HTML page, a zero-byte file) is not a creative.
 */
final class MediaSignature {

    /** How many leading bytes tell the type. */
    static final int HEAD = 12;

    /** Every type {@link #of} can answer. */
    static final List<String> PLAYED =
            List.of("image/png", "image/jpeg", "image/gif", "image/webp", "video/mp4", "video/webm");

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] EBML = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};

    private MediaSignature() {}

    /** The media type whose signature {@code head} starts with; empty when it is none a screen plays. */
    static Optional<String> of(byte[] head) {
        if (startsWith(head, 0, PNG)) {
            return Optional.of("image/png");
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
            return Optional.of("image/gif");
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return Optional.of("image/webp");
        }
        if (startsWith(head, 4, ascii("ftyp"))) {
            return Optional.of("video/mp4"); // the ISO base media family; the player's codecs decide the rest
        }
        if (startsWith(head, 0, EBML)) {
            return Optional.of("video/webm");
        }
        return Optional.empty();
    }

    /**
     * Refuses {@code received} unless it is a file a screen plays, of the type its uploader declared, naming
     * {@code field}: {@link CreativeRefusal.EmptyMedia} for an empty file, unsupported media for bytes of no playable
     * type or of another type than declared.
     */
    static void requirePlayable(ReceivedMedia received, String field) {
        if (received.sizeBytes() == 0) {
            throw new CreativeRefusal.EmptyMedia(field);
        }
        String declared = "image/jpg".equals(received.contentType()) ? "image/jpeg" : received.contentType();
        if (received.signature() == null || !received.signature().equals(declared)) {
            String found = received.signature() == null
                    ? "no image or video a screen plays"
                    : "a " + received.signature() + " file";
            throw new CreativeRefusal.UnsupportedMedia(field, received.contentType(), found);
        }
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        if (bytes.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
