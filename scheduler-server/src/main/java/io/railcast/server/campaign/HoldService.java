package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.audit.AuditSource;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.creative.CreativeCatalog;
import io.railcast.server.planning.BookingChange;
import io.railcast.server.planning.PlanningService;
import io.railcast.server.system.PageRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Holds (options): airtime kept for a proposed campaign for {@code railcast.booking.hold-days}. A hold is checked
 * for its whole flight like a booking and stored under the publication lock ({@link PlanningService#hold}); while in
 * force, every check and booking counts it as booked, and no schedule carries it. Confirmed, it becomes the campaign,
 * planned and published like a booking but not checked again (its airtime was counted since it was held), booked
 * as of when it was held; released or expired, it frees its airtime. Every change is recorded in the history in the
 * transaction that stores it.
 */
@Service
class HoldService {

    private final HoldRepository holds;
    private final CampaignRepository campaigns;
    private final CreativeCatalog creatives;
    private final PlanningService planning;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;
    private final HoldProperties properties;
    private final Clock clock;

    HoldService(
            HoldRepository holds,
            CampaignRepository campaigns,
            CreativeCatalog creatives,
            PlanningService planning,
            AuditTrail audit,
            TransactionalOperator transaction,
            HoldProperties properties,
            Clock clock) {
        this.holds = holds;
        this.campaigns = campaigns;
        this.creatives = creatives;
        this.planning = planning;
        this.audit = audit;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
    }

    Flux<StoredHold> list(@Nullable String heldBy, PageRequest page) {
        return holds.find(clock.instant(), heldBy, page);
    }

    Mono<StoredHold> get(long id) {
        return holds.find(id, clock.instant()).switchIfEmpty(Mono.error(() -> new CampaignRefusal.UnknownHold(id)));
    }

    /**
     * Holds airtime for the proposed campaign; refused like a booking when it does not fit. Under an id that is taken,
     * answers the hold in force if this is a retry of the request that took it, and refuses otherwise ({@link Replays}).
     */
    Mono<Accepted<StoredHold>> take(CampaignPayload payload, Principal user) {
        return Mono.defer(() -> {
            CampaignKind kind = CampaignDraft.kindOf(payload);
            if (kind != null) {
                BookingRights.require(user, kind);
            }
            CampaignDraft draft = CampaignDraft.read(payload);
            String id = draft.id();
            if (id == null) {
                return campaigns
                        .nextId()
                        .flatMap(next -> held(draft, next, user))
                        .map(Accepted::created);
            }
            return Replays.create(id, campaigns, () -> held(draft, id, user), () -> replay(draft, id, user));
        });
    }

    private Mono<StoredHold> held(CampaignDraft draft, String id, Principal user) {
        return Mono.zip(campaign(draft, id), audit.source()).flatMap(found -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            Instant expires = now.plus(Duration.ofDays(properties.holdDays()));
            Campaign campaign = found.getT1().withBooked(now);
            CampaignPayload body = CampaignPayload.of(campaign, draft.makeGoods());
            return planning.hold(
                            campaign,
                            () -> holds.insert(body, user.getName(), now, expires)
                                    .flatMap(hold -> recorded(found.getT2(), "hold", null, hold)))
                    .then(Mono.defer(() -> holds.findForCampaign(id, now)));
        });
    }

    /** The hold in force for {@code id}, if this hold is a retry of the request that took it. */
    private Mono<StoredHold> replay(CampaignDraft draft, String id, Principal user) {
        return holds.findForCampaign(id, clock.instant())
                .switchIfEmpty(Mono.defer(() -> campaigns
                        .find(id)
                        .hasElement()
                        .flatMap(booked -> Mono.<StoredHold>error(new CampaignRefusal.DuplicateCampaign(
                                id,
                                booked
                                        ? "a campaign has it"
                                        : "a hold that has expired has it until the hold-expiry job deletes it")))))
                .flatMap(held -> campaign(draft, id)
                        .map(campaign -> Replays.hold(held, CampaignPayload.of(campaign, draft.makeGoods()), user)));
    }

    /** Books the held campaign: stored and published like a booking, not checked again; the hold is gone. */
    Mono<StoredCampaign> confirm(long id, Principal user, Publication when) {
        return get(id).flatMap(hold -> {
            BookingRights.require(user, hold.kind());
            Instant now = clock.instant();
            CampaignDraft draft = CampaignDraft.read(hold.body());
            return Mono.zip(campaign(draft, hold.campaignId()), audit.source())
                    .flatMap(found -> {
                        Campaign campaign = found.getT1().withBooked(hold.createdAt());
                        CampaignPayload body = CampaignPayload.of(campaign, draft.makeGoods());
                        AuditSource source = found.getT2();
                        return planning.book(new BookingChange(
                                campaign.id(),
                                campaign,
                                when.effectiveAt(),
                                when.urgent(),
                                version -> released(hold, now)
                                        .then(campaigns.insert(
                                                body, CampaignStatus.ACTIVE, version, user.getName(), hold.createdAt()))
                                        .then(recorded(source, "confirm", hold, null))
                                        .then(campaigns.find(campaign.id()))
                                        .flatMap(stored -> audit.record(
                                                source,
                                                new AuditedChange(
                                                        "create",
                                                        "campaign",
                                                        stored.id(),
                                                        HoldView.of(hold),
                                                        CampaignView.of(stored)))),
                                true));
                    })
                    .then(campaigns.find(hold.campaignId()));
        });
    }

    /** Gives the held airtime back. */
    Mono<Void> release(long id, Principal user) {
        return get(id).flatMap(hold -> {
            BookingRights.require(user, hold.kind());
            return audit.source()
                    .flatMap(source -> transaction.transactional(
                            released(hold, clock.instant()).then(recorded(source, "release", hold, null))));
        });
    }

    /** Deletes the holds expired by now, recording each; answers how many. */
    Mono<Long> expire() {
        Instant now = clock.instant();
        return audit.source()
                .flatMap(source -> transaction.transactional(holds.deleteExpired(now)
                        .concatMap(
                                hold -> recorded(source, "expire", hold, null).thenReturn(hold))
                        .count()));
    }

    /** Deletes the hold, refused as unknown when it was confirmed, released or expired meanwhile. */
    private Mono<Void> released(StoredHold hold, Instant at) {
        return holds.delete(hold.id(), at)
                .flatMap(deleted ->
                        deleted ? Mono.<Void>empty() : Mono.error(new CampaignRefusal.UnknownHold(hold.id())));
    }

    private Mono<Campaign> campaign(CampaignDraft draft, String id) {
        return creatives.find(draft.creativeIds()).map(known -> draft.toCampaign(id, known));
    }

    private Mono<Void> recorded(
            AuditSource source, String kind, @Nullable StoredHold before, @Nullable StoredHold after) {
        StoredHold hold = Objects.requireNonNull(before == null ? after : before, "before or after");
        return audit.record(
                source,
                new AuditedChange(
                        kind,
                        "hold",
                        Long.toString(hold.id()),
                        before == null ? null : HoldView.of(before),
                        after == null ? null : HoldView.of(after)));
    }
}
