package io.railcast.server.creative;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * An upload written to disk but not yet kept: {@link MediaStore#keep} moves it to its final name,
 * {@link MediaStore#discard} deletes it.
 *
 * @param file        where it was written, under {@code incoming/}
 * @param sha256      hex SHA-256 of its bytes
 * @param sizeBytes   how many bytes
 * @param contentType as the client declared it
 * @param signature   the media type its first bytes show ({@link MediaSignature}); null when none a screen plays
 */
record ReceivedMedia(
        Path file,
        String sha256,
        long sizeBytes,
        String contentType,
        @Nullable String signature) {}
