package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.MakeGood;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a plan is made from: the active campaigns ({@link CampaignBook}) and the make-goods placed for them
 * ({@link MakeGoodBook}), each planned as a campaign of its own ({@link MakeGood#toCampaign}). A make-good of a
 * campaign that no longer plays (paused, cancelled) or is no longer contracted plans nothing.
 */
@Component
class PlanningBook {

    private final CampaignBook campaigns;
    private final MakeGoodBook makeGoods;

    PlanningBook(CampaignBook campaigns, MakeGoodBook makeGoods) {
        this.campaigns = campaigns;
        this.makeGoods = makeGoods;
    }

    Mono<List<Campaign>> campaigns() {
        return Mono.zip(campaigns.active(), makeGoods.placed()).map(both -> with(both.getT1(), both.getT2()));
    }

    static List<Campaign> with(List<Campaign> bookings, List<MakeGood> makeGoods) {
        Map<String, Campaign> byId = new HashMap<>();
        bookings.forEach(c -> byId.put(c.id(), c));
        List<Campaign> all = new ArrayList<>(bookings);
        for (MakeGood makeGood : makeGoods) {
            Campaign original = byId.get(makeGood.campaignId());
            if (original != null && original.isContracted()) {
                all.add(makeGood.toCampaign(original));
            }
        }
        return all;
    }
}
