package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.server.audit.AuditPage;
import io.railcast.server.audit.AuditQuery;
import io.railcast.server.audit.AuditSource;
import io.railcast.server.audit.AuditTrail;
import io.railcast.server.audit.AuditedChange;
import io.railcast.server.creative.CreativeCatalog;
import io.railcast.server.planning.AvailabilityAnswer;
import io.railcast.server.planning.BookingChange;
import io.railcast.server.planning.PlanningService;
import io.railcast.server.system.FieldProblem;
import io.railcast.server.system.PageRequest;
import java.security.Principal;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Books and changes campaigns. Each change of an active campaign is checked (rights, fields, creatives, network,
 * availability), then planned and published: the campaign row is written in the publishing transaction, so it is
 * stored exactly when its schedule version is. Paused campaigns are not planned, so changing one only stores it.
 * Every change is recorded in the history ({@link AuditTrail}) in the transaction that stores it.
 */
@Service
class CampaignService {

    /** The id a proposal without one is checked under. */
    private static final String PROPOSED = "~proposed";

    private final CampaignRepository campaigns;
    private final CreativeCatalog creatives;
    private final PlanningService planning;
    private final AuditTrail audit;
    private final TransactionalOperator transaction;

    CampaignService(
            CampaignRepository campaigns,
            CreativeCatalog creatives,
            PlanningService planning,
            AuditTrail audit,
            TransactionalOperator transaction) {
        this.campaigns = campaigns;
        this.creatives = creatives;
        this.planning = planning;
        this.audit = audit;
        this.transaction = transaction;
    }

    Flux<StoredCampaign> list(CampaignFilter filter, PageRequest page) {
        return campaigns.find(filter, page);
    }

    Mono<StoredCampaign> get(String id) {
        return campaigns.find(id).switchIfEmpty(Mono.error(() -> new CampaignRefusal.UnknownCampaign(id)));
    }

    /**
     * Books the campaign; under an id that is taken, answers what is stored if this is a retry of the booking that
     * stored it, and refuses otherwise ({@link Replays}).
     */
    Mono<Accepted<StoredCampaign>> create(CampaignPayload payload, Principal user, Publication when) {
        return Mono.defer(() -> {
            requireKind(user, payload);
            CampaignDraft draft = CampaignDraft.read(payload);
            String id = draft.id();
            if (id == null) {
                return campaigns
                        .nextId()
                        .flatMap(next -> book(draft, next, user, when))
                        .map(Accepted::created);
            }
            return Replays.create(id, campaigns, () -> book(draft, id, user, when), () -> replay(draft, id, user));
        });
    }

    private Mono<StoredCampaign> book(CampaignDraft draft, String id, Principal user, Publication when) {
        return Mono.zip(campaign(draft, id), audit.source()).flatMap(found -> {
            Campaign campaign = found.getT1();
            CampaignPayload body = CampaignPayload.of(campaign, draft.makeGoods());
            return planning.book(change(
                            campaign.id(),
                            campaign,
                            when,
                            version -> campaigns
                                    .insert(body, CampaignStatus.ACTIVE, version, user.getName())
                                    .then(recorded(found.getT2(), "create", null, campaign.id()))))
                    .then(get(campaign.id()));
        });
    }

    /** The campaign stored under {@code id}, if this create is a retry of its booking. */
    private Mono<StoredCampaign> replay(CampaignDraft draft, String id, Principal user) {
        return campaigns
                .find(id)
                .switchIfEmpty(Mono.error(
                        () -> new CampaignRefusal.DuplicateCampaign(id, "a hold has it; confirm the hold to book it")))
                .flatMap(stored -> campaign(draft, id)
                        .map(campaign ->
                                Replays.booking(stored, CampaignPayload.of(campaign, draft.makeGoods()), user)));
    }

    Mono<StoredCampaign> update(
            String id, CampaignPayload payload, @Nullable Integer ifMatch, Principal user, Publication when) {
        return changeable(id, ifMatch, user)
                .flatMap(stored -> {
                    requireKind(user, payload);
                    CampaignDraft draft = CampaignDraft.read(payload);
                    if (draft.id() != null && !draft.id().equals(id)) {
                        return Mono.error(new CampaignRefusal.InvalidCampaign(List.of(FieldProblem.of(
                                "id",
                                "id " + draft.id() + " differs from the campaign's, " + id
                                        + "; an id never changes"))));
                    }
                    return campaign(draft, id).flatMap(campaign -> {
                        CampaignPayload body = CampaignPayload.of(campaign, draft.makeGoods());
                        if (stored.status() == CampaignStatus.PAUSED) {
                            return planning.validate(campaign)
                                    .then(store(stored, body, CampaignStatus.PAUSED, "update", user));
                        }
                        return publish(stored, campaign, body, CampaignStatus.ACTIVE, "update", user, when);
                    });
                })
                .then(get(id));
    }

    Mono<StoredCampaign> pause(String id, @Nullable Integer ifMatch, Principal user, Publication when) {
        return changeable(id, ifMatch, user)
                .flatMap(stored -> stored.status() != CampaignStatus.ACTIVE
                        ? Mono.empty()
                        : publish(stored, null, stored.body(), CampaignStatus.PAUSED, "pause", user, when))
                .then(get(id));
    }

    Mono<StoredCampaign> resume(String id, @Nullable Integer ifMatch, Principal user, Publication when) {
        return changeable(id, ifMatch, user)
                .flatMap(stored -> stored.status() != CampaignStatus.PAUSED
                        ? Mono.empty()
                        : campaign(CampaignDraft.read(stored.body()), id)
                                .flatMap(campaign -> publish(
                                        stored, campaign, stored.body(), CampaignStatus.ACTIVE, "resume", user, when)))
                .then(get(id));
    }

    Mono<StoredCampaign> cancel(String id, @Nullable Integer ifMatch, Principal user, Publication when) {
        return get(id).flatMap(stored -> {
                    BookingRights.require(user, stored.kind());
                    requireVersion(stored, ifMatch);
                    return switch (stored.status()) {
                        case CANCELLED -> Mono.empty();
                        case PAUSED -> store(stored, stored.body(), CampaignStatus.CANCELLED, "cancel", user);
                        case ACTIVE ->
                            publish(stored, null, stored.body(), CampaignStatus.CANCELLED, "cancel", user, when);
                    };
                })
                .then(get(id));
    }

    /** The campaign's history, newest first, a page at a time; refused if no campaign has that id. */
    Mono<AuditPage> history(String id, AuditQuery query) {
        return get(id).then(audit.find(query));
    }

    /** Checks a proposal (a new campaign, or a new version of a stored one, by its id) without storing it. */
    Mono<AvailabilityAnswer> availability(CampaignPayload payload) {
        return Mono.defer(() -> {
            CampaignDraft draft = CampaignDraft.read(payload);
            return campaign(draft, draft.id() == null ? PROPOSED : draft.id()).flatMap(planning::check);
        });
    }

    /** The stored campaign, if the caller may change it and it can still be changed. */
    private Mono<StoredCampaign> changeable(String id, @Nullable Integer ifMatch, Principal user) {
        return get(id).map(stored -> {
            BookingRights.require(user, stored.kind());
            if (stored.status() == CampaignStatus.CANCELLED) {
                throw new CampaignRefusal.CampaignCancelled(id);
            }
            requireVersion(stored, ifMatch);
            return stored;
        });
    }

    /** The domain campaign; one already stored keeps when it was first booked, its place in the yield order. */
    private Mono<Campaign> campaign(CampaignDraft draft, String id) {
        return creatives
                .find(draft.creativeIds())
                .map(known -> draft.toCampaign(id, known))
                .flatMap(campaign -> campaigns
                        .find(id)
                        .map(stored -> campaign.withBooked(stored.createdAt()))
                        .defaultIfEmpty(campaign));
    }

    /**
     * Plans and publishes the change of a stored campaign ({@code campaign} null when it no longer plays), writing
     * it and its record in the history in the publishing transaction. Who and from where are taken here, on the
     * request's side: the transaction runs on the planning thread.
     */
    private Mono<Void> publish(
            StoredCampaign stored,
            @Nullable Campaign campaign,
            CampaignPayload body,
            CampaignStatus status,
            String kind,
            Principal user,
            Publication when) {
        return audit.source()
                .flatMap(source -> planning.book(change(
                        stored.id(),
                        campaign,
                        when,
                        version -> write(stored, body, status, version, user, source, kind))))
                .then();
    }

    /** Stores the change of a campaign that is not planned (paused) and its record, in one transaction. */
    private Mono<Void> store(
            StoredCampaign stored, CampaignPayload body, CampaignStatus status, String kind, Principal user) {
        return audit.source()
                .flatMap(source -> transaction.transactional(write(stored, body, status, null, user, source, kind)));
    }

    /**
     * Writes the change and its record in the history if nobody changed the campaign since it was read; refused as
     * changed meanwhile otherwise. Runs in the caller's transaction.
     */
    private Mono<Void> write(
            StoredCampaign stored,
            CampaignPayload body,
            CampaignStatus status,
            @Nullable Long version,
            Principal user,
            AuditSource source,
            String kind) {
        return campaigns
                .update(stored.id(), stored.version(), body, status, version, user.getName())
                .flatMap(written ->
                        written ? Mono.<Void>empty() : Mono.error(new CampaignRefusal.ChangedMeanwhile(stored.id())))
                .then(recorded(source, kind, stored, stored.id()));
    }

    /** Records the campaign as stored now (in this transaction) against how it was before. */
    private Mono<Void> recorded(AuditSource source, String kind, @Nullable StoredCampaign before, String id) {
        return campaigns
                .find(id)
                .flatMap(after -> audit.record(
                        source,
                        new AuditedChange(
                                kind,
                                "campaign",
                                id,
                                before == null ? null : CampaignView.of(before),
                                CampaignView.of(after))));
    }

    private static BookingChange change(
            String id, @Nullable Campaign campaign, Publication when, LongFunction<Mono<Void>> store) {
        return new BookingChange(id, campaign, when.effectiveAt(), when.urgent(), store);
    }

    private static void requireKind(Principal user, CampaignPayload payload) {
        CampaignKind kind = CampaignDraft.kindOf(payload);
        if (kind != null) {
            BookingRights.require(user, kind);
        }
    }

    private static void requireVersion(StoredCampaign stored, @Nullable Integer ifMatch) {
        if (ifMatch != null && ifMatch != stored.version()) {
            throw new CampaignRefusal.StaleCampaign(stored.id(), stored.version(), ifMatch);
        }
    }
}
