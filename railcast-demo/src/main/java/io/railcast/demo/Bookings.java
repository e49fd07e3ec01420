package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The booking desk: takes a draft as drawn when it fits the ledger, a smaller version when it does not (the
 * stations that are full dropped from a station list, or a lower frequency), and none when even the smallest does
 * not fit.
 *
 * <p>Drafts are valid by construction (they name only what the network has and target only screens that exist), so
 * the desk does not run the {@code CampaignValidator}: on a national campaign it looks at every screen, which would
 * double the generation time. NetworkGeneratorTest runs it on every campaign instead.
 */
final class Bookings {

    /** Enough to walk any frequency down to one play and drop full stations along the way. */
    private static final int MAX_SHRINKS = 8;

    private final AirtimeLedger ledger;
    private final Dice dice;

    Bookings(AirtimeLedger ledger, Dice dice) {
        this.ledger = ledger;
        this.dice = dice;
    }

    Optional<Campaign> book(Campaign draft) {
        if (!draft.isContracted()) {
            return Optional.of(draft);
        }
        Campaign campaign = draft;
        for (int shrink = 0; shrink <= MAX_SHRINKS; shrink++) {
            AirtimeLedger.Quote quote = ledger.quote(campaign);
            Set<String> full = quote.overflowingStations();
            if (full.isEmpty()) {
                quote.book();
                return Optional.of(priced(campaign, quote.reached()));
            }
            Campaign current = campaign;
            Optional<Campaign> smaller = withoutStations(current, full).or(() -> lessOften(current));
            if (smaller.isEmpty()) {
                return Optional.empty();
            }
            campaign = smaller.get();
        }
        return Optional.empty();
    }

    /** A station list minus the full stations, when some stations remain. */
    private static Optional<Campaign> withoutStations(Campaign campaign, Set<String> full) {
        Targeting targeting = campaign.targeting();
        if (!targeting.provinces().isEmpty() || !targeting.bureaus().isEmpty()) {
            return Optional.empty();
        }
        Set<String> remaining = targeting.stations().stream()
                .filter(code -> !full.contains(code))
                .collect(Collectors.toSet());
        return remaining.isEmpty()
                ? Optional.empty()
                : Optional.of(campaign.withTargeting(targeting.withStations(remaining)));
    }

    /** One step down the ladder sales offers: 12 → 4 → 2 → 1 an hour, 6 → 3 → 1 per 5 minutes, 40 → 20 → 10 a day. */
    private static Optional<Campaign> lessOften(Campaign campaign) {
        Frequency frequency = campaign.frequency().orElseThrow();
        int plays = frequency.plays();
        if (frequency instanceof Frequency.PerPeriod perPeriod) {
            int fewer = plays >= 12 ? plays / 3 : plays / 2;
            return fewer < 1
                    ? Optional.empty()
                    : Optional.of(campaign.withFrequency(new Frequency.PerPeriod(fewer, perPeriod.periodMinutes())));
        }
        // Fewer than 10 plays a day is not worth selling.
        return plays < 20 ? Optional.empty() : Optional.of(campaign.withFrequency(new Frequency.PerDay(plays / 2)));
    }

    private Campaign priced(Campaign campaign, List<ScreenGroup> reached) {
        if (campaign.kind() != CampaignKind.COMMERCIAL) {
            return campaign;
        }
        long price = RateCard.priceCents(campaign, reached, dice);
        return new Campaign(
                campaign.id(),
                campaign.name(),
                campaign.kind(),
                campaign.owner(),
                campaign.category(),
                campaign.creatives(),
                campaign.targeting(),
                campaign.flight(),
                campaign.dailyHours(),
                campaign.frequency(),
                campaign.priority(),
                price);
    }
}
