package io.railcast.server.creative;

import java.time.Instant;
import java.util.List;

/** A creative's metadata as the API shows it; {@code mediaUrl} serves the file. */
record CreativeView(
        String id,
        int durationSeconds,
        List<String> screenTypes,
        String sha256,
        long sizeBytes,
        String contentType,
        String mediaUrl,
        Instant createdAt) {

    static CreativeView of(StoredCreative creative) {
        return new CreativeView(
                creative.id(),
                creative.durationSeconds(),
                creative.screenTypes().stream().map(Enum::name).sorted().toList(),
                creative.sha256(),
                creative.sizeBytes(),
                creative.contentType(),
                creative.mediaUrl(),
                creative.createdAt());
    }
}
