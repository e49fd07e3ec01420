package io.railcast.server.creative;

import io.railcast.server.system.ApiProblem;
import io.railcast.server.system.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes uploads and finds creatives. A creative is immutable: its id, once stored, keeps its file. Nothing is
 * stored unless metadata, content type, size and id are all acceptable.
 */
@Service
class CreativeService {

    /** Room for the multipart boundaries and form fields beside the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final CreativeRepository creatives;
    private final MediaStore media;

    CreativeService(CreativeRepository creatives, MediaStore media) {
        this.creatives = creatives;
        this.media = media;
    }

    Mono<StoredCreative> get(String id) {
        return creatives.find(id).switchIfEmpty(Mono.error(() -> ApiProblem.notFound("unknown-creative",
                "Unknown creative", "No creative has id " + id + ".")));
    }

    Flux<StoredCreative> list() {
        return creatives.list();
    }

    /** The body is the file itself; the metadata came as query parameters. */
    Mono<StoredCreative> uploadRaw(CreativeMetadata metadata, String contentType, long contentLength,
            Flux<DataBuffer> body) {
        if (contentLength > media.maxBytes()) {
            return Mono.error(media.tooLarge("body"));
        }
        return refuseTaken(metadata.id())
                .then(media.receive(body, contentType, "body"))
                .flatMap(received -> keep(metadata, received));
    }

    /**
     * A multipart form with the file in part {@code file} and the metadata as the fields {@code id},
     * {@code durationSeconds} and {@code screenTypes} (repeated or comma-separated), in any order.
     */
    Mono<StoredCreative> uploadMultipart(long contentLength, Flux<PartEvent> parts) {
        if (contentLength > media.maxBytes() + MULTIPART_OVERHEAD) {
            return Mono.error(media.tooLarge("file"));
        }
        Map<String, List<String>> fields = new ConcurrentHashMap<>();
        AtomicReference<ReceivedMedia> file = new AtomicReference<>();
        AtomicReference<ApiProblem> refused = new AtomicReference<>();
        Mono<Void> read = parts.windowUntil(PartEvent::isLast)
                .concatMap(part -> part.switchOnFirst((first, events) -> {
                    if (first.get() instanceof FilePartEvent filePart && "file".equals(filePart.name())
                            && file.get() == null) {
                        String type;
                        try {
                            type = CreativeMetadata.mediaType(filePart.headers().getContentType(), "file");
                        } catch (ApiProblem problem) {
                            // refused once the request is read: cutting it short resets the client's connection
                            refused.set(problem);
                            return skip(events);
                        }
                        return media.receive(events.map(PartEvent::content), type, "file").doOnNext(file::set)
                                .then();
                    }
                    if (first.get() instanceof FormPartEvent form) {
                        fields.computeIfAbsent(form.name(), name -> new CopyOnWriteArrayList<>()).add(form.value());
                    }
                    return skip(events);
                }))
                .then();
        return read
                .onErrorResume(e -> discard(file).then(Mono.error(e)))
                .then(Mono.defer(() -> {
                    if (refused.get() != null) {
                        return discard(file).then(Mono.error(refused.get()));
                    }
                    ReceivedMedia received = file.get();
                    CreativeMetadata metadata;
                    try {
                        metadata = CreativeMetadata.parse(first(fields, "id"), first(fields, "durationSeconds"),
                                fields.get("screenTypes"));
                    } catch (ApiProblem problem) {
                        return discard(file).then(Mono.error(problem));
                    }
                    if (received == null) {
                        return Mono.error(ApiProblem.invalid("invalid-creative", "Invalid creative",
                                List.of(FieldProblem.of("file", "file is required: the media as a file part"))));
                    }
                    return refuseTaken(metadata.id())
                            .onErrorResume(e -> media.discard(received).then(Mono.error(e)))
                            .then(keep(metadata, received));
                }));
    }

    /** Keeps the file under its digest and stores the row; 409 when another upload took the id meanwhile. */
    private Mono<StoredCreative> keep(CreativeMetadata metadata, ReceivedMedia received) {
        return media.keep(received)
                .flatMap(path -> creatives.insert(metadata.id(), metadata.durationSeconds(), metadata.screenTypes(),
                        received, path))
                .flatMap(inserted -> inserted ? creatives.find(metadata.id()) : Mono.error(taken(metadata.id())));
    }

    private Mono<Void> refuseTaken(String id) {
        return creatives.exists(id).flatMap(taken -> taken ? Mono.error(taken(id)) : Mono.empty());
    }

    private static Mono<Void> skip(Flux<PartEvent> events) {
        return events.doOnNext(event -> DataBufferUtils.release(event.content())).then();
    }

    private Mono<Void> discard(AtomicReference<ReceivedMedia> file) {
        ReceivedMedia received = file.get();
        return received == null ? Mono.empty() : media.discard(received);
    }

    private static String first(Map<String, List<String>> fields, String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static ApiProblem taken(String id) {
        return ApiProblem.conflict("duplicate-creative", "Creative exists", "Creative " + id
                + " exists already; creatives never change, upload under a new id. Nothing was stored.",
                List.of(FieldProblem.of("id", "a creative with id " + id + " exists already")));
    }
}
