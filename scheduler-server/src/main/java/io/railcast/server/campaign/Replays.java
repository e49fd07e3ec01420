package io.railcast.server.campaign;

import java.security.Principal;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;
import reactor.core.publisher.Mono;

/**
 * Creates under an id the client chose are safe to retry. A client that lost the answer to {@code POST
 * /api/v1/campaigns} or {@code POST /api/v1/holds} (a timeout, a server killed after its commit) sends the same
 * request again. If what stands under the id is what this request would store (the same normalised definition,
 * {@link CampaignPayload#of}, not the same JSON text; an active campaign, or a hold in force) and the same user stored
 * it, the retry is a replay: answered with what is stored, storing, publishing and recording nothing. Otherwise the
 * id is taken ({@link CampaignRefusal.DuplicateCampaign}, saying by what).
 *
 * <p>Only the user who stored it is answered with a replay. A replay says "your request took effect": for someone
 * else's identical booking that is not so (the history credits the other user), and two planners booking one order
 * under one id are two desks handling it twice, which is what the refusal is there to tell them. Nothing is hidden
 * by that (anyone signed in may read the campaign), and nothing is lost: a retry after a lost answer comes from the
 * client that sent the request, with the same credentials. It is the scope idempotency keys get elsewhere (the IETF
 * Idempotency-Key draft composes the client's key with who the client is).
 */
final class Replays {

    private Replays() {}

    /**
     * Creates under {@code id} with {@code create}, unless the id is taken; when it is, already or by a request that
     * stored it meanwhile (two tries at once: the unique key refuses the loser's insert, after the winner's commit),
     * {@code replay} judges what stands under it.
     */
    static <T> Mono<Accepted<T>> create(
            String id, CampaignRepository campaigns, Supplier<Mono<T>> create, Supplier<Mono<T>> replay) {
        return campaigns
                .exists(id)
                .flatMap(taken -> taken
                        ? replay.get().map(Accepted::replayed)
                        : create.get()
                                .map(Accepted::created)
                                .onErrorResume(
                                        DataIntegrityViolationException.class,
                                        clash -> campaigns
                                                .exists(id)
                                                .flatMap(now -> now
                                                        ? replay.get().map(Accepted::replayed)
                                                        : Mono.<Accepted<T>>error(clash))));
    }

    /** {@code stored}, if {@code user}'s create of {@code wanted} is a retry of its booking; refused as taken if not. */
    static StoredCampaign booking(StoredCampaign stored, CampaignPayload wanted, Principal user) {
        if (!stored.createdBy().equals(user.getName())) {
            throw new CampaignRefusal.DuplicateCampaign(
                    stored.id(),
                    "a campaign booked by " + stored.createdBy()
                            + " has it, and only its booker's retry is answered as booked");
        }
        if (stored.status() != CampaignStatus.ACTIVE) {
            throw new CampaignRefusal.DuplicateCampaign(
                    stored.id(),
                    "the campaign stored under it is " + stored.status().name().toLowerCase(Locale.ROOT)
                            + ", so this booking of an active one is no retry of its booking");
        }
        if (!stored.body().equals(wanted)) {
            throw new CampaignRefusal.DuplicateCampaign(
                    stored.id(),
                    "the campaign stored under it differs from this one, so this is no retry of its booking;"
                            + " change it with PUT");
        }
        return stored;
    }

    /** {@code held}, if {@code user}'s hold of {@code wanted} is a retry of it; refused as taken if not. */
    static StoredHold hold(StoredHold held, CampaignPayload wanted, Principal user) {
        if (!held.createdBy().equals(user.getName())) {
            throw new CampaignRefusal.DuplicateCampaign(
                    held.campaignId(),
                    "hold " + held.id() + " by " + held.createdBy()
                            + " has it, and only its holder's retry is answered as held");
        }
        if (!held.body().equals(wanted)) {
            throw new CampaignRefusal.DuplicateCampaign(
                    held.campaignId(),
                    "hold " + held.id() + " has it and differs from this one, so this is no retry of it");
        }
        return held;
    }
}
