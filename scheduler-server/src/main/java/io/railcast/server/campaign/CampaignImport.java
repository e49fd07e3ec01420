package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores campaigns known to be valid and to fit, without planning each: demo data, planned afterwards as a whole
 * by the full plan at start.
 */
@Service
public class CampaignImport {

    private final CampaignRepository campaigns;
    private final TransactionalOperator transaction;

    CampaignImport(CampaignRepository campaigns, TransactionalOperator transaction) {
        this.campaigns = campaigns;
        this.transaction = transaction;
    }

    /** Stores all of them as active, in one transaction. */
    public Mono<Void> importAll(List<Campaign> list, String user) {
        return transaction.transactional(Flux.fromIterable(list)
                .concatMap(c -> campaigns.insert(
                        CampaignPayload.of(c, MakeGoodPolicy.defaultFor(c.isContracted() ? c.kind() : null)),
                        CampaignStatus.ACTIVE,
                        null,
                        user))
                .then());
    }
}
