package io.railcast.server.campaign;

import io.railcast.model.campaign.CampaignKind;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which campaigns to list; an absent criterion matches all.
 *
 * @param owner   the advertiser or department, exactly as booked
 * @param station a station its targeting names (not one it reaches through a province, bureau or the whole network)
 * @param flying  a day its flight overlaps (local times, as the flight is written)
 * @param text    found in its id, name or owner, in any case (the console's search box)
 */
record CampaignFilter(
        @Nullable CampaignKind kind,
        @Nullable CampaignStatus status,
        @Nullable String owner,
        @Nullable String station,
        @Nullable LocalDate flying,
        @Nullable String text) {}
