package io.railcast.server.creative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The media directory. Files are content-addressed ({@code <dir>/<sha256>}), so an upload is written under
 * {@code incoming/} first, digested on the way in, and moved to its name only once the creative is accepted. A file
 * once kept is never changed.
 */
@Component
class MediaStore {

    private static final Logger log = LoggerFactory.getLogger(MediaStore.class);

    private final Path dir;
    private final Path incoming;
    private final long maxBytes;

    MediaStore(MediaProperties properties) throws IOException {
        this.dir = properties.dir().toAbsolutePath().normalize();
        this.incoming = dir.resolve("incoming");
        this.maxBytes = properties.maxSize().toBytes();
        Files.createDirectories(incoming);
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Writes {@code content} to a new file under {@code incoming/}, refusing it as too large as soon as it passes the
     * size limit. On any error or cancellation the partial file is deleted. {@code contentType} is asked for once
     * the content is read.
     */
    Mono<ReceivedMedia> receive(Flux<DataBuffer> content, Supplier<String> contentType, String field) {
        Path file = incoming.resolve(UUID.randomUUID().toString());
        MessageDigest digest = sha256();
        long[] size = {0};
        ByteBuffer head = ByteBuffer.allocate(MediaSignature.HEAD);
        Flux<DataBuffer> counted = content.handle((buffer, sink) -> {
            size[0] += buffer.readableByteCount();
            if (size[0] > maxBytes) {
                DataBufferUtils.release(buffer);
                sink.error(tooLarge(field));
                return;
            }
            try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
                parts.forEachRemaining(part -> {
                    if (head.hasRemaining()) {
                        ByteBuffer first = part.duplicate();
                        first.limit(first.position() + Math.min(first.remaining(), head.remaining()));
                        head.put(first);
                    }
                    digest.update(part);
                });
            }
            sink.next(buffer);
        });
        Mono<Void> written = Mono.using(
                () -> AsynchronousFileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                channel -> DataBufferUtils.write(counted, channel)
                        .doOnNext(DataBufferUtils::release)
                        .then(),
                MediaStore::close);
        return written.then(Mono.fromSupplier(() -> new ReceivedMedia(
                        file,
                        HexFormat.of().formatHex(digest.digest()),
                        size[0],
                        contentType.get(),
                        MediaSignature.of(Arrays.copyOf(head.array(), head.position()))
                                .orElse(null))))
                .doOnError(e -> deleteQuietly(file))
                .doOnCancel(() -> deleteQuietly(file));
    }

    /** Stores bytes made on the server (demo placeholders) under their digest; answers the kept file. */
    Mono<ReceivedMedia> store(byte[] bytes, String contentType) {
        return Mono.fromCallable(() -> {
                    String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
                    Path target = dir.resolve(sha256);
                    if (!Files.exists(target)) {
                        Path file = incoming.resolve(UUID.randomUUID().toString());
                        Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
                        move(file, target);
                    }
                    return new ReceivedMedia(
                            target,
                            sha256,
                            bytes.length,
                            contentType,
                            MediaSignature.of(Arrays.copyOf(bytes, Math.min(bytes.length, MediaSignature.HEAD)))
                                    .orElse(null));
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Moves a received file to its content address; answers the final path. */
    Mono<Path> keep(ReceivedMedia media) {
        return Mono.fromCallable(() -> {
                    Path target = dir.resolve(media.sha256());
                    if (Files.exists(target)) {
                        Files.delete(media.file()); // the same bytes are kept already
                    } else {
                        move(media.file(), target);
                    }
                    return target;
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    Mono<Void> discard(ReceivedMedia media) {
        return Mono.<Void>fromRunnable(() -> deleteQuietly(media.file())).subscribeOn(Schedulers.boundedElastic());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(from); // a concurrent upload of the same bytes won
        }
    }

    CreativeRefusal tooLarge(String field) {
        return new CreativeRefusal.MediaTooLarge(field, maxBytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void close(AsynchronousFileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the partial upload {}: {}", file, e.toString());
        }
    }
}
