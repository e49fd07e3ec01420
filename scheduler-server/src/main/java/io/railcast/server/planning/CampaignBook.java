package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import java.util.List;
import reactor.core.publisher.Mono;

/** The campaigns that play, as the campaign feature stores them: what a full plan is made from. */
public interface CampaignBook {

    /** Every active campaign (not paused, not cancelled), with its creatives. */
    Mono<List<Campaign>> active();
}
