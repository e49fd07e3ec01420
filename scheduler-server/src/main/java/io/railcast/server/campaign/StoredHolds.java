package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.server.creative.CreativeCatalog;
import io.railcast.server.planning.HeldInventory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The holds of the {@code hold} table, for the planner: each as the campaign it becomes, booked when it was held. */
@Component
class StoredHolds implements HeldInventory {

    private static final Logger log = LoggerFactory.getLogger(StoredHolds.class);

    private final HoldRepository holds;
    private final CreativeCatalog creatives;

    StoredHolds(HoldRepository holds, CreativeCatalog creatives) {
        this.holds = holds;
        this.creatives = creatives;
    }

    @Override
    public Mono<Holds> inForce(Instant at) {
        // the revision first: a hold taken between the two reads is counted, and found again at publication
        return holds.revision()
                .flatMap(revision -> holds.inForce(at).collectList().flatMap(stored -> {
                    List<CampaignDraft> drafts = stored.stream()
                            .map(s -> CampaignDraft.read(s.body()))
                            .toList();
                    Set<String> ids = new HashSet<>();
                    drafts.forEach(draft -> ids.addAll(draft.creativeIds()));
                    return creatives.find(ids).map(known -> {
                        List<Campaign> result = new ArrayList<>();
                        for (int i = 0; i < drafts.size(); i++) {
                            StoredHold hold = stored.get(i);
                            try {
                                result.add(drafts.get(i)
                                        .toCampaign(hold.campaignId(), known)
                                        .withBooked(hold.createdAt()));
                            } catch (RuntimeException e) {
                                // held campaigns were valid when held and creatives are never removed
                                log.error(
                                        "Hold {} can no longer be read and is not counted: {}",
                                        hold.id(),
                                        e.getMessage());
                            }
                        }
                        return new Holds(result, revision);
                    });
                }));
    }

    @Override
    public Mono<Long> revision() {
        return holds.revision();
    }
}
