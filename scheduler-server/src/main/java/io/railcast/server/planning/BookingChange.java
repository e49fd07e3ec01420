package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * A change of the campaign book to plan and publish: a campaign added or changed ({@code campaign} given), or
 * withdrawn from the plan (paused or cancelled: {@code campaign} null).
 *
 * @param campaignId  the campaign concerned
 * @param campaign    its new version, or null when it no longer plays
 * @param effectiveAt when agents should switch to the version that carries it; null for the instant it is
 *                    published (an urgent change)
 * @param urgent      whether agents should switch as soon as they have the media
 * @param store       writes the change itself, given the number of the version being published; it runs in the
 *                    publishing transaction, so the booking is stored if and only if its version is
 * @param promised    whether the campaign's airtime was promised already (a hold confirmed): it is planned without
 *                    being checked again
 */
public record BookingChange(
        String campaignId,
        @Nullable Campaign campaign,
        @Nullable Instant effectiveAt,
        boolean urgent,
        LongFunction<Mono<Void>> store,
        boolean promised) {

    public BookingChange {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(store, "store");
    }

    /** A change checked before it is planned. */
    public BookingChange(
            String campaignId,
            @Nullable Campaign campaign,
            @Nullable Instant effectiveAt,
            boolean urgent,
            LongFunction<Mono<Void>> store) {
        this(campaignId, campaign, effectiveAt, urgent, store, false);
    }

    String reason() {
        return (campaign == null ? "withdrawal of " : "booking of ") + campaignId;
    }
}
