package io.railcast.server.creative;

import io.railcast.server.system.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import reactor.core.publisher.SynchronousSink;

/**
 * Reads the events of a multipart creative upload in one pass: the content of the first file part named
 * {@code file} is passed on (to disk), the form fields are kept, anything else is released. Reactive Streams
 * deliver the events one at a time, and the fields are read only after the last one, so plain fields suffice.
 */
final class MultipartUpload {

    private enum FileState {
        NOT_SEEN,
        READING,
        REFUSED,
        READ
    }

    private final Map<String, List<String>> fields = new HashMap<>();
    private FileState file = FileState.NOT_SEEN;
    private String contentType = "application/octet-stream";
    private @Nullable CreativeRefusal refused;

    /** For {@code Flux.handle}: emits the file's content, keeps everything else. */
    void route(PartEvent event, SynchronousSink<DataBuffer> sink) {
        if (event instanceof FormPartEvent form) {
            fields.computeIfAbsent(form.name(), name -> new ArrayList<>()).add(form.value());
            return;
        }
        if (!(event instanceof FilePartEvent part) || !"file".equals(part.name()) || file == FileState.READ) {
            DataBufferUtils.release(event.content());
            return;
        }
        if (file == FileState.NOT_SEEN) {
            try {
                contentType = CreativeMetadata.mediaType(part.headers().getContentType(), "file");
                file = FileState.READING;
            } catch (CreativeRefusal problem) {
                // refused once the request is read: cutting it short resets the client's connection
                refused = problem;
                file = FileState.REFUSED;
            }
        }
        if (file == FileState.READING) {
            sink.next(part.content());
        } else {
            DataBufferUtils.release(part.content());
        }
        if (part.isLast()) {
            file = FileState.READ;
        }
    }

    /** The file part's content type, once the events are read. */
    String contentType() {
        return contentType;
    }

    /**
     * The metadata of the form, once the events are read; refused as unsupported media when the file part is not a
     * video or an image, as an invalid creative naming the fields that are wrong or missing, the file included.
     */
    CreativeMetadata metadata() {
        if (refused != null) {
            throw refused;
        }
        CreativeMetadata metadata = CreativeMetadata.parse(
                first("id"), first("durationSeconds"), fields.get("screenTypes"), first("sha256"));
        if (file == FileState.NOT_SEEN) {
            throw new CreativeRefusal.InvalidCreative(
                    List.of(FieldProblem.of("file", "file is required: the media as a file part")));
        }
        return metadata;
    }

    private @Nullable String first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
