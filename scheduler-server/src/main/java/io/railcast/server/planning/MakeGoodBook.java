package io.railcast.server.planning;

import io.railcast.model.campaign.MakeGood;
import java.util.List;
import reactor.core.publisher.Mono;

/** The plays placed to make good owed plays, as the make-good feature stores them: planned with the campaigns. */
public interface MakeGoodBook {

    /** Every make-good placed on a day from {@code yesterday} of the planning zone on (older ones plan nothing). */
    Mono<List<MakeGood>> placed();
}
