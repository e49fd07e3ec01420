package io.railcast.model.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * Who yields when contracted plays can no longer all air: the lowest {@link Campaign#priority()} first, then the
 * lowest price per second of contracted airtime, then the latest booked (a proposal not booked yet is the latest),
 * then the highest id, so that the order is total. Spot length is no key. Commercial campaigns and guaranteed PSAs
 * are ranked alike.
 */
public final class YieldOrder {

    /** Sorts the campaign that yields first to the front. */
    public static final Comparator<Campaign> FIRST_TO_YIELD = Comparator.comparingInt(Campaign::priority)
            .thenComparingDouble(YieldOrder::pricePerSecond)
            .thenComparing(Campaign::booked, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(Comparator.comparing(Campaign::id).reversed());

    private YieldOrder() {}

    /**
     * The contract value over the contracted airtime it buys on one screen for the whole flight: plays owed (per
     * period over the flight's hours within the daily hours, or per day over its days) times the rotation's mean
     * spot length. The reach (how many screens) is not in it: two campaigns of one price on different networks cost
     * the same per second here.
     */
    public static double pricePerSecond(Campaign campaign) {
        double seconds = playsPerScreen(campaign) * meanSpotSeconds(campaign);
        return seconds <= 0 ? 0 : campaign.priceCents() / seconds;
    }

    static double playsPerScreen(Campaign campaign) {
        double flightHours =
                Duration.between(campaign.flight().start(), campaign.flight().end())
                                .toMinutes()
                        / 60.0;
        double dailyShare = campaign.dailyHours().isAllDay()
                ? 1
                : campaign.dailyHours().length().toMinutes() / (24 * 60.0);
        Frequency frequency = campaign.frequency().orElse(null);
        if (frequency instanceof Frequency.PerPeriod perPeriod) {
            return perPeriod.plays() * (60.0 / perPeriod.periodMinutes()) * flightHours * dailyShare;
        }
        return frequency == null ? 0 : frequency.plays() * Math.ceil(flightHours / 24);
    }

    static double meanSpotSeconds(Campaign campaign) {
        long weighted = 0;
        long weights = 0;
        for (WeightedCreative creative : campaign.creatives()) {
            weighted += (long) creative.weight() * creative.creative().durationSeconds();
            weights += creative.weight();
        }
        return (double) weighted / weights;
    }
}
