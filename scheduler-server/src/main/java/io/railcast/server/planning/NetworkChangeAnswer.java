package io.railcast.server.planning;

import io.railcast.model.planning.LostPlays;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a change of the network does to contracted plays, as the API answers it.
 *
 * @param dryRun          whether nothing was stored (only asked)
 * @param version         the version published with the change; null on a dry run
 * @param impossiblePlays the contracted plays the change makes impossible, summed over campaigns
 * @param campaigns       the same plays per campaign, by campaign id
 * @param firstDay        the first day planned (today)
 * @param days            how many days were planned with and without the change
 */
public record NetworkChangeAnswer(
        boolean dryRun,
        @Nullable Long version,
        long impossiblePlays,
        List<CampaignPlays> campaigns,
        LocalDate firstDay,
        int days) {

    /**
     * The plays of one campaign that the change makes impossible.
     *
     * @param screens on how many screens
     * @param from    the first day that loses some
     * @param to      the last day that loses some
     */
    public record CampaignPlays(String campaign, long plays, int screens, LocalDate from, LocalDate to) {}

    static NetworkChangeAnswer of(
            List<LostPlays.ForCampaign> lost, @Nullable Long version, LocalDate firstDay, int days) {
        List<CampaignPlays> campaigns = lost.stream()
                .map(l -> new CampaignPlays(l.campaignId(), l.plays(), l.screens(), l.from(), l.to()))
                .toList();
        long plays = campaigns.stream().mapToLong(CampaignPlays::plays).sum();
        return new NetworkChangeAnswer(version == null, version, plays, campaigns, firstDay, days);
    }
}
