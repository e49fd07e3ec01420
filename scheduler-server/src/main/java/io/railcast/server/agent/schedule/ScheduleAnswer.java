package io.railcast.server.agent.schedule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/**
 * A schedule answer as sent: its ETag (unquoted), the version it comes from, and the JSON gzipped. Only the gzipped
 * form is kept, a tenth of the plain one; agents ask for gzip, and for a client that does not, it is inflated.
 */
record ScheduleAnswer(String etag, long version, byte[] gzip) {

    byte[] plain() {
        return gunzip(gzip);
    }

    /** Our own gzip, inflated: for a client that does not take gzip. */
    static byte[] gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("our own gzip in memory cannot be corrupt", e);
        }
    }
}
