package io.railcast.model.solver;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.SecondRange;
import java.util.List;
import java.util.Set;

/** Test fixtures: plays of one LCD hour on 5-second slots, each placed where a test wants it. */
final class Spots {

    static final HourFrame FRAME = new HourFrame(ScreenType.LCD_FRAME, 5, SecondRange.WHOLE_HOUR, 0.03);
    static final CreativeChoice LCD_15 = new CreativeChoice("lcd-15", 15, Set.of(ScreenType.LCD_FRAME));
    static final CreativeChoice LED_15 = new CreativeChoice("led-15", 15, Set.of(ScreenType.LED_LARGE));
    static final CreativeChoice LCD_10 = new CreativeChoice("lcd-10", 10, Set.of(ScreenType.LCD_FRAME));

    private static int nextId;

    private Spots() {}

    /** A contracted commercial play owed once in the whole hour (its share is the whole hour). */
    static SpotAssignment commercial(String campaign, String category, Integer start) {
        return play(campaign, CampaignKind.COMMERCIAL, category, true, new PlayWindow(0, 3600, 1), 0, 3600, start);
    }

    static SpotAssignment play(
            String campaign,
            CampaignKind kind,
            String category,
            boolean contracted,
            PlayWindow window,
            int shareFrom,
            int shareTo,
            Integer start) {
        return play(campaign, kind, category, contracted, window, shareFrom, shareTo, start, 0);
    }

    /** A play of a campaign at {@code precedence} in the hour's yield order. */
    static SpotAssignment play(
            String campaign,
            CampaignKind kind,
            String category,
            boolean contracted,
            PlayWindow window,
            int shareFrom,
            int shareTo,
            Integer start,
            int precedence) {
        Demand demand = new Demand(
                campaign,
                kind,
                category,
                contracted,
                List.of(window),
                window.to(),
                java.util.Collections.nCopies(window.plays(), LCD_15),
                List.of(LCD_15, LCD_10, LED_15),
                precedence);
        SpotAssignment spot =
                new SpotAssignment(nextId++, demand, FRAME, window, window.to(), shareFrom, shareTo, LCD_15);
        spot.setCreative(LCD_15);
        spot.setStart(start);
        return spot;
    }
}
