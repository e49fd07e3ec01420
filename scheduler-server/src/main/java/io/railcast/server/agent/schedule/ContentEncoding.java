package io.railcast.server.agent.schedule;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether a client takes gzip. Only the schedule answer is gzipped, by us ({@link GzipJoin}) rather than by the
 * server for every route: the schedule is JSON that shrinks about tenfold, while SSE must not be buffered by a
 * compressor and media is compressed already.
 */
final class ContentEncoding {

    private ContentEncoding() {}

    /** Whether an {@code Accept-Encoding} header accepts gzip (named, or {@code *}, with a quality above 0). */
    static boolean acceptsGzip(@Nullable String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("x-gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }
}
