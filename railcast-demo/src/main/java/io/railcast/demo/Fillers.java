package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Network;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's own loops: station information for each screen type and a travel-safety loop for all of them,
 * network-wide and all day. Versions of 5, 10, 15 and 30 s let the planner fill any gap that is a whole number of
 * 5-second slots. Service notices are not PSAs, so these count as fillers.
 */
final class Fillers {

    static final List<Integer> LENGTHS = List.of(5, 10, 15, 30);
    static final String OWNER = "车站媒体运营中心";

    private Fillers() {}

    /** One loop per screen type the network has, then the safety loop; a smaller mix keeps the first ones. */
    static List<Campaign> all(Network network, Flights flights, Creatives creatives) {
        Set<ScreenType> present = EnumSet.noneOf(ScreenType.class);
        network.screens().forEach(screen -> present.add(screen.type()));
        List<Campaign> fillers = new ArrayList<>();
        for (ScreenType type : present) {
            String id = "FIL-" + (fillers.size() + 1);
            fillers.add(filler(
                    id,
                    "站内信息轮播 " + label(type),
                    Set.of(type),
                    Targeting.NETWORK.withScreenTypes(type),
                    flights,
                    creatives));
        }
        String id = "FIL-" + (fillers.size() + 1);
        fillers.add(filler(id, "乘车安全提示", EnumSet.allOf(ScreenType.class), Targeting.NETWORK, flights, creatives));
        return fillers;
    }

    private static Campaign filler(
            String id, String name, Set<ScreenType> types, Targeting targeting, Flights flights, Creatives creatives) {
        return new Campaign(
                id,
                name,
                CampaignKind.FILLER,
                OWNER,
                "",
                creatives.lengths(id, types, LENGTHS),
                targeting,
                flights.always(),
                DailyHours.ALL_DAY,
                Optional.empty(),
                0,
                0);
    }

    private static String label(ScreenType type) {
        return switch (type) {
            case LED_LARGE -> "LED大屏";
            case LCD_FRAME -> "数码框架";
            case TV_SET -> "电视屏";
        };
    }
}
