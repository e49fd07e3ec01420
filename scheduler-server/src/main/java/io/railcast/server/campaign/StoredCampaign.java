package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A row of the {@code campaign} table.
 *
 * @param version          counts changes of this campaign, for {@code If-Match}
 * @param publishedVersion the schedule version that published its last change, if any
 */
record StoredCampaign(
        String id,
        CampaignKind kind,
        CampaignStatus status,
        int version,
        CampaignPayload body,
        @Nullable Long publishedVersion,
        Instant createdAt,
        String createdBy,
        Instant updatedAt,
        String updatedBy) {}
