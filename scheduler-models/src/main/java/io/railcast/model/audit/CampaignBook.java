package io.railcast.model.audit;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.WeightedCreative;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookings by position, so that the hot paths of an audit carry small ints instead of ids. A creative is known
 * by its position in its campaign's rotation.
 */
final class CampaignBook {

    static final int UNKNOWN = -1;

    private final List<Campaign> campaigns;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final List<Map<String, Integer>> creativeIndexes;

    CampaignBook(List<Campaign> campaigns) {
        this.campaigns = List.copyOf(campaigns);
        for (int i = 0; i < this.campaigns.size(); i++) {
            if (indexById.putIfAbsent(this.campaigns.get(i).id(), i) != null) {
                throw new IllegalArgumentException(
                        "campaign id " + this.campaigns.get(i).id() + " appears twice");
            }
        }
        this.creativeIndexes =
                this.campaigns.stream().map(CampaignBook::creativeIndex).toList();
    }

    private static Map<String, Integer> creativeIndex(Campaign campaign) {
        Map<String, Integer> index = new HashMap<>();
        List<WeightedCreative> rotation = campaign.creatives();
        for (int i = 0; i < rotation.size(); i++) {
            index.putIfAbsent(rotation.get(i).creative().id(), i);
        }
        return index;
    }

    int size() {
        return campaigns.size();
    }

    Campaign get(int index) {
        return campaigns.get(index);
    }

    int indexOf(String campaignId) {
        return indexById.getOrDefault(campaignId, UNKNOWN);
    }

    /** The position of a creative in the campaign's rotation, or {@link #UNKNOWN} when it is not part of it. */
    int creativeIndex(int campaign, String creativeId) {
        return creativeIndexes.get(campaign).getOrDefault(creativeId, UNKNOWN);
    }

    /** The exclusive category of a campaign; empty for none and for campaigns nobody booked. */
    String category(int campaign) {
        return campaign == UNKNOWN ? "" : campaigns.get(campaign).category();
    }
}
