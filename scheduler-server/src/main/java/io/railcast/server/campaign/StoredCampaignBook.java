package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.server.creative.CreativeCatalog;
import io.railcast.server.planning.CampaignBook;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The active campaigns of the {@code campaign} table, for a full plan, each with when it was booked. */
@Component
class StoredCampaignBook implements CampaignBook {

    private static final Logger log = LoggerFactory.getLogger(StoredCampaignBook.class);

    private final CampaignRepository campaigns;
    private final CreativeCatalog creatives;

    StoredCampaignBook(CampaignRepository campaigns, CreativeCatalog creatives) {
        this.campaigns = campaigns;
        this.creatives = creatives;
    }

    @Override
    public Mono<List<Campaign>> active() {
        return campaigns.find(null, CampaignStatus.ACTIVE).collectList().flatMap(stored -> {
            List<CampaignDraft> drafts =
                    stored.stream().map(s -> CampaignDraft.read(s.body())).toList();
            Set<String> ids = new HashSet<>();
            drafts.forEach(draft -> ids.addAll(draft.creativeIds()));
            return creatives.find(ids).map(known -> {
                List<Campaign> result = new ArrayList<>();
                for (int i = 0; i < drafts.size(); i++) {
                    try {
                        result.add(drafts.get(i)
                                .toCampaign(stored.get(i).id(), known)
                                .withBooked(stored.get(i).createdAt()));
                    } catch (RuntimeException e) {
                        // stored campaigns were valid when booked and creatives are never removed
                        log.error(
                                "Campaign {} can no longer be read and is left out of the plan: {}",
                                stored.get(i).id(),
                                e.getMessage());
                    }
                }
                return result;
            });
        });
    }
}
