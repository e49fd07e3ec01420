package io.railcast.server.campaign;

import java.time.Instant;

/**
 * A hold as the API shows it.
 *
 * @param id        the hold's number: {@code /api/v1/holds/{id}}
 * @param campaign  the proposed campaign, with the id it will have once confirmed
 * @param expiresAt from when it is counted nowhere; confirm it before
 */
record HoldView(long id, CampaignPayload campaign, Instant createdAt, String createdBy, Instant expiresAt) {

    static HoldView of(StoredHold hold) {
        return new HoldView(hold.id(), hold.body(), hold.createdAt(), hold.createdBy(), hold.expiresAt());
    }
}
