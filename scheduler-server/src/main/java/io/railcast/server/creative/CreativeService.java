package io.railcast.server.creative;

import io.railcast.model.network.ScreenType;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.system.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes uploads and finds creatives. A creative is immutable: its id, once stored, keeps its file. Nothing is
 * stored unless metadata, content type, size and id are all acceptable. A stored creative is recorded in the history
 * in the transaction that stores its row.
 */
@Service
class CreativeService {

    /** Room for the multipart boundaries and form fields beside the file itself. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    private final CreativeRepository creatives;
    private final MediaStore media;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;

    CreativeService(
            CreativeRepository creatives, MediaStore media, AuditTrail audit, TransactionalOperator transaction) {
        this.creatives = creatives;
        this.media = media;
        this.audit = audit;
        this.transaction = transaction;
    }

    Mono<StoredCreative> get(String id) {
        return creatives.find(id).switchIfEmpty(Mono.error(() -> new CreativeRefusal.UnknownCreative(id)));
    }

    Flux<StoredCreative> list(@Nullable ScreenType screenType, PageRequest page) {
        return creatives.list(screenType, page);
    }

    /** The body is the file itself; the metadata came as query parameters. */
    Mono<StoredCreative> uploadRaw(
            CreativeMetadata metadata, String contentType, long contentLength, Flux<DataBuffer> body) {
        if (contentLength > media.maxBytes()) {
            return Mono.error(media.tooLarge("body"));
        }
        return refuseTaken(metadata.id())
                .then(media.receive(body, () -> contentType, "body"))
                .flatMap(received -> keepChecked(metadata, received, "body"));
    }

    /**
     * A multipart form with the file in part {@code file} and the metadata as the fields {@code id},
     * {@code durationSeconds}, {@code screenTypes} (repeated or comma-separated) and optionally {@code sha256}, in
     * any order. The events are read in one pass: the file's content goes straight to disk, the fields are kept.
     */
    Mono<StoredCreative> uploadMultipart(long contentLength, Flux<PartEvent> parts) {
        if (contentLength > media.maxBytes() + MULTIPART_OVERHEAD) {
            return Mono.error(media.tooLarge("file"));
        }
        MultipartUpload upload = new MultipartUpload();
        return media.receive(parts.handle(upload::route), upload::contentType, "file")
                .flatMap(received -> {
                    CreativeMetadata metadata;
                    try {
                        metadata = upload.metadata();
                    } catch (CreativeRefusal invalid) {
                        return media.discard(received).then(Mono.error(invalid));
                    }
                    return refuseTaken(metadata.id())
                            .onErrorResume(e -> media.discard(received).then(Mono.error(e)))
                            .then(keepChecked(metadata, received, "file"));
                });
    }

    /**
     * Refuses a file whose digest is not the declared one, or that is not media a screen plays ({@code field} names
     * it), else keeps it.
     */
    private Mono<StoredCreative> keepChecked(CreativeMetadata metadata, ReceivedMedia received, String field) {
        try {
            metadata.checkDigest(received);
            MediaSignature.requirePlayable(received, field);
        } catch (CreativeRefusal refused) {
            return media.discard(received).then(Mono.error(refused));
        }
        return keep(metadata, received);
    }

    /** Keeps the file under its digest and stores the row; refused when another upload took the id meanwhile. */
    private Mono<StoredCreative> keep(CreativeMetadata metadata, ReceivedMedia received) {
        return media.keep(received)
                .flatMap(path -> transaction.transactional(creatives
                        .insert(metadata.id(), metadata.durationSeconds(), metadata.screenTypes(), received, path)
                        .flatMap(inserted -> inserted
                                ? creatives.find(metadata.id())
                                : Mono.error(new CreativeRefusal.DuplicateCreative(metadata.id())))
                        .flatMap(stored -> audit.record(new AuditedChange(
                                        "create", "creative", stored.id(), null, CreativeView.of(stored)))
                                .thenReturn(stored))));
    }

    private Mono<Void> refuseTaken(String id) {
        return creatives
                .exists(id)
                .flatMap(taken -> taken ? Mono.error(new CreativeRefusal.DuplicateCreative(id)) : Mono.empty());
    }
}
