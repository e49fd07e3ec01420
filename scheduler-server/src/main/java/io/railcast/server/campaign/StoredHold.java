package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import java.time.Instant;

/**
 * A row of the {@code hold} table: airtime kept for a proposed campaign until {@code expiresAt}.
 *
 * @param id         the hold's number, in the order holds were taken
 * @param campaignId the id of the campaign it becomes when confirmed
 * @param body       the proposed campaign as the API took it
 * @param createdAt  when it was held: the campaign's place in the yield order, kept when it is confirmed
 */
record StoredHold(
        long id,
        String campaignId,
        CampaignKind kind,
        CampaignPayload body,
        Instant createdAt,
        String createdBy,
        Instant expiresAt) {}
