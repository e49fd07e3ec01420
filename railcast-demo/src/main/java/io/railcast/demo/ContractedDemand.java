package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import io.railcast.model.time.SecondRange;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What a contracted campaign takes from a screen in a clock hour, reckoned on the safe side: a whole hour's plays
 * whenever its flight, its daily hours and the station's hours meet in that hour at all (a cut hour owes plays pro
 * rata, so the share of the on-air time is never larger), each play as long as the longest creative made for the
 * screen type.
 */
final class ContractedDemand {

    /** One hour's load on one screen. */
    record Load(int seconds, int windowTwelfths) {
        static final Load NONE = new Load(0, 0);
    }

    private final Campaign campaign;
    private final boolean[] inFlight;
    private final SecondRange[] daily = new SecondRange[24];
    // The network has a handful of distinct opening hours and three screen types: work each out once.
    private final Map<DailyHours, boolean[]> playingByOpeningHours = new HashMap<>();
    private final Map<DailyHours, Integer> activeSecondsByOpeningHours = new HashMap<>();
    private final Map<ScreenType, Integer> longestByType = new EnumMap<>(ScreenType.class);

    ContractedDemand(Campaign campaign, LocalDateTime horizonStart, int hours) {
        this.campaign = campaign;
        this.inFlight = new boolean[hours];
        for (int h = 0; h < hours; h++) {
            inFlight[h] = campaign.flight().overlaps(horizonStart.plusHours(h), horizonStart.plusHours(h + 1));
        }
        for (int hour = 0; hour < 24; hour++) {
            daily[hour] = campaign.dailyHours().within(hour).orElse(SecondRange.EMPTY);
        }
    }

    /** For each hour of the horizon, whether the campaign plays on the group's screens. Do not modify. */
    boolean[] playing(ScreenGroup group) {
        return playingByOpeningHours.computeIfAbsent(group.station().operatingHours(), opening -> {
            boolean[] playing = new boolean[inFlight.length];
            for (int h = 0; h < playing.length; h++) {
                playing[h] = inFlight[h]
                        && !daily[h % 24].intersect(group.onAir(h % 24)).isEmpty();
            }
            return playing;
        });
    }

    /** The load in each hour it plays; {@link Load#NONE} for a campaign without a frequency. */
    Load load(ScreenGroup group) {
        if (campaign.frequency().isEmpty()) {
            return Load.NONE;
        }
        int perHour = playsPerHour(campaign.frequency().get(), group);
        int duration = longestByType.computeIfAbsent(
                group.type(),
                type -> campaign.creativesFor(type).stream()
                        .mapToInt(wc -> wc.creative().durationSeconds())
                        .max()
                        .orElse(0));
        // A frequency of 12 an hour or more pins plays into every 5-minute window; a lower one can be spread.
        int window = perHour >= 12 ? ceilDiv(perHour, 12) * duration * 12 : perHour * duration;
        return new Load(perHour * duration, window);
    }

    private int playsPerHour(Frequency frequency, ScreenGroup group) {
        if (frequency instanceof Frequency.PerPeriod perPeriod) {
            return perPeriod.plays() * (60 / perPeriod.periodMinutes());
        }
        int active = activeSecondsByOpeningHours.computeIfAbsent(group.station().operatingHours(), opening -> {
            int seconds = 0;
            for (int hour = 0; hour < 24; hour++) {
                seconds += daily[hour].intersect(group.onAir(hour)).length();
            }
            return seconds;
        });
        return active == 0 ? 0 : ceilDiv(frequency.plays() * 3600, active);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
