package io.railcast.server.creative;

import io.railcast.model.campaign.Creative;
import io.railcast.model.network.ScreenType;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/** A row of the {@code creative} table. */
record StoredCreative(
        String id,
        int durationSeconds,
        Set<ScreenType> screenTypes,
        String sha256,
        long sizeBytes,
        String contentType,
        Path mediaPath,
        Instant createdAt) {

    /** Where the API serves its media. */
    String mediaUrl() {
        return "/api/v1/creatives/" + id + "/media";
    }

    Creative toDomain() {
        return new Creative(id, durationSeconds, screenTypes, mediaUrl(), sha256, sizeBytes);
    }
}
