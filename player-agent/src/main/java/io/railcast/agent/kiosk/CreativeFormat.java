package io.railcast.agent.kiosk;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of picture a cached media file is, told from its first bytes. The protocol names media by creative and
 * digest only and the cache keeps bare bytes under their digest, so the kiosk page learns from the file itself whether
 * to show an image or play a video. Recognised: PNG, JPEG, GIF and WebP images; MP4 and WebM videos, the formats a
 * browser shows without plug-ins.
 */
record CreativeFormat(String mimeType, boolean video) {

    static final CreativeFormat PNG = new CreativeFormat("image/png", false);
    static final CreativeFormat JPEG = new CreativeFormat("image/jpeg", false);
    static final CreativeFormat GIF = new CreativeFormat("image/gif", false);
    static final CreativeFormat WEBP = new CreativeFormat("image/webp", false);
    static final CreativeFormat MP4 = new CreativeFormat("video/mp4", true);
    static final CreativeFormat WEBM = new CreativeFormat("video/webm", true);

    private static final int HEAD = 12;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    private static final byte[] EBML = {0x1a, 0x45, (byte) 0xdf, (byte) 0xa3};

    /** The format whose signature {@code head} (the file's first bytes) starts with, if any. */
    static Optional<CreativeFormat> sniff(byte[] head) {
        if (startsWith(head, 0, PNG_SIGNATURE)) {
            return Optional.of(PNG);
        }
        if (head.length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return Optional.of(JPEG);
        }
        if (startsWith(head, 0, ascii("GIF87a")) || startsWith(head, 0, ascii("GIF89a"))) {
            return Optional.of(GIF);
        }
        if (startsWith(head, 0, ascii("RIFF")) && startsWith(head, 8, ascii("WEBP"))) {
            return Optional.of(WEBP);
        }
        if (startsWith(head, 4, ascii("ftyp"))) {
            return Optional.of(MP4); // the ISO base media family: MP4, M4V; the browser plays what its codecs allow
        }
        if (startsWith(head, 0, EBML)) {
            return Optional.of(WEBM);
        }
        return Optional.empty();
    }

    /** The format of {@code file} by its first bytes; empty when unrecognised. */
    static Optional<CreativeFormat> of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sniff(in.readNBytes(HEAD));
        }
    }

    private static boolean startsWith(byte[] bytes, int at, byte[] prefix) {
        return bytes.length >= at + prefix.length
                && Arrays.equals(bytes, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
