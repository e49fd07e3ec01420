package io.railcast.server.system;

import java.util.function.Consumer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * Headers of every creative's media file served: a download named after the creative, and a policy that sandboxes
 * it with nothing allowed, so that whatever a file holds is never run in the origin of the console, even when a
 * browser is pointed at it directly. Uploads are checked to be images or videos already; this is the second wall.
 */
public final class MediaHeaders {

    static final String POLICY = "sandbox; default-src 'none'";

    private MediaHeaders() {}

    /** For {@code ResponseEntity.ok().headers(...)}: the file of {@code creative}. */
    public static Consumer<HttpHeaders> download(String creative) {
        return headers -> {
            headers.setContentDisposition(
                    ContentDisposition.attachment().filename(creative).build());
            headers.set("Content-Security-Policy", POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
        };
    }
}
