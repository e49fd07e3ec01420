package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The operator's book of campaigns: a few fillers, about 12% public-service ads (four in ten with a guaranteed
 * frequency) and commercial bookings for the rest. Guaranteed PSAs are booked before commercial airtime, as the
 * rules oblige; drafts that do not fit are shrunk or drawn again until the requested count is reached.
 */
final class CampaignMix {

    private static final double PSA_SHARE = 0.12;
    private static final double GUARANTEED_PSA_SHARE = 0.4;
    /** Redraws allowed per campaign before the network is declared too small for the mix asked of it. */
    private static final int ATTEMPTS_PER_CAMPAIGN = 40;

    private final List<Campaign> booked = new ArrayList<>();
    private final Bookings bookings;

    private CampaignMix(Bookings bookings) {
        this.bookings = bookings;
    }

    static List<Campaign> draw(Network network, Market market, DemoOptions options, Dice dice) {
        Flights flights = new Flights(options.firstDay(), options.days(), dice);
        Creatives creatives = new Creatives(dice);
        AirtimeLedger ledger = new AirtimeLedger(network, options.firstDay(), options.days());
        CampaignMix mix = new CampaignMix(new Bookings(ledger, dice));

        int total = options.campaigns();
        List<Campaign> fillerLoops = Fillers.all(network, flights, creatives);
        int fillers = Math.min(fillerLoops.size(), total);
        int psas = Math.min(total - fillers, (int) Math.round(total * PSA_SHARE));
        int guaranteed = psas >= 5 ? Math.max(4, (int) Math.round(psas * GUARANTEED_PSA_SHARE)) : psas / 2;
        int commercial = total - fillers - psas;

        fillerLoops.subList(0, fillers).forEach(mix::add);
        PublicServiceDrafts psaDrafts = new PublicServiceDrafts(market, flights, creatives, dice);
        CommercialDrafts commercialDrafts = new CommercialDrafts(market, flights, creatives, dice);
        mix.fill(guaranteed, "PSA", 3, 0, psaDrafts::guaranteed);
        mix.fill(psas - guaranteed, "PSA", 3, guaranteed, (id, n) -> psaDrafts.pool(id));
        mix.fill(commercial, "COM", 4, 0, commercialDrafts::draft);
        return List.copyOf(mix.booked);
    }

    private void add(Campaign campaign) {
        booked.add(bookings.book(campaign).orElseThrow());
    }

    /**
     * Books {@code count} campaigns numbered from {@code firstNumber + 1}. A draft that does not fit leaves its number
     * to the next draft, so ids have no gaps.
     */
    private void fill(
            int count, String prefix, int digits, int firstNumber, BiFunction<String, Integer, Campaign> draft) {
        int attempts = 0;
        for (int n = 0; n < count; ) {
            if (++attempts > (count + 1) * ATTEMPTS_PER_CAMPAIGN) {
                throw new IllegalStateException(
                        "the network is too small for " + count + " " + prefix + " campaigns: only " + n + " fit");
            }
            String id = String.format(Locale.ROOT, "%s-%0" + digits + "d", prefix, firstNumber + n + 1);
            var campaign = bookings.book(draft.apply(id, n));
            if (campaign.isPresent()) {
                booked.add(campaign.get());
                n++;
            }
        }
    }
}
