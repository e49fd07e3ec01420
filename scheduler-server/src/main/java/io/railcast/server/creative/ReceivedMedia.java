package io.railcast.server.creative;

import java.nio.file.Path;

/**
 * An upload written to disk but not yet kept: {@link MediaStore#keep} moves it to its final name,
 * {@link MediaStore#discard} deletes it.
 *
 * @param file        where it was written, under {@code incoming/}
 * @param sha256      hex SHA-256 of its bytes
 * @param sizeBytes   how many bytes
 * @param contentType as the client declared it
 */
record ReceivedMedia(Path file, String sha256, long sizeBytes, String contentType) {
}
