package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Tier;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * List prices of a 15-second play per screen, so that reports have contract values to show. A booking costs its
 * plays at list price, less the discount sales always give.
 */
final class RateCard {

    /** Hours a day a campaign without daily hours is priced for: the busy part of a station's day. */
    private static final int PRICED_HOURS = 18;

    private RateCard() {}

    static long priceCents(Campaign campaign, List<ScreenGroup> reached, Dice dice) {
        Frequency frequency = campaign.frequency().orElseThrow();
        long playsPerDay = frequency instanceof Frequency.PerPeriod p
                ? (long) p.plays()
                        * (60 / p.periodMinutes())
                        * Math.min(PRICED_HOURS, campaign.dailyHours().length().toHours())
                : frequency.plays();
        long days = Math.max(
                1,
                (Duration.between(campaign.flight().start(), campaign.flight().end())
                                        .toMinutes()
                                + 1439)
                        / 1440);
        Map<ScreenType, Integer> longest = new EnumMap<>(ScreenType.class);
        long perPlayOnAllScreens = 0;
        for (ScreenGroup group : reached) {
            int seconds = longest.computeIfAbsent(
                    group.type(),
                    type -> campaign.creativesFor(type).stream()
                            .mapToInt((WeightedCreative wc) -> wc.creative().durationSeconds())
                            .max()
                            .orElse(0));
            perPlayOnAllScreens += (long) group.screens()
                    * listCents(group.type(), group.station().tier())
                    * seconds
                    / 15;
        }
        double discount = dice.fraction(0.6, 0.9);
        return Math.round(perPlayOnAllScreens * playsPerDay * days * discount / 100.0) * 100;
    }

    private static long listCents(ScreenType type, Tier tier) {
        int base = switch (type) {
            case LCD_FRAME -> 50;
            case TV_SET -> 60;
            case LED_LARGE -> 400;
        };
        int tierTenths = switch (tier) {
            case HUB -> 30;
            case MAJOR -> 15;
            case STANDARD -> 10;
        };
        return (long) base * tierTenths / 10;
    }
}
