package io.railcast.agent.net;

import io.railcast.agent.protocol.MediaFile;
import java.io.IOException;
import java.io.InputStream;

/** Where the media cache gets bytes from: the server's {@code GET /agent/v1/media/{creative}}. */
public interface MediaSource {

    /**
     * Opens {@code file} from byte {@code from} on. The body is {@code partial} when the server honoured the range
     * ({@code 206}); otherwise it is the whole file from byte 0, whatever was asked.
     */
    Body open(MediaFile file, long from) throws IOException, InterruptedException;

    record Body(boolean partial, InputStream stream) {}
}
