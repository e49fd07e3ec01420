package io.railcast.server.campaign;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A stored campaign as the API shows it: its payload, status and bookkeeping.
 *
 * @param version         the campaign's own version, also its ETag; send it as {@code If-Match} to change safely
 * @param scheduleVersion the schedule version that published its last change
 */
record CampaignView(
        CampaignPayload campaign,
        String status,
        int version,
        @Nullable Long scheduleVersion,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {

    static CampaignView of(StoredCampaign stored) {
        return new CampaignView(
                stored.body(),
                stored.status().name(),
                stored.version(),
                stored.publishedVersion(),
                stored.createdAt(),
                stored.createdBy(),
                stored.updatedAt(),
                stored.updatedBy());
    }
}
