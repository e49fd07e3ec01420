package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import java.util.List;

/**
 * Screens that no targeting can tell apart (same station, type, zone and loop policy): they always play the same
 * plan, so the planner resolves their hours once.
 *
 * @param campaigns the campaigns that target these screens and have a creative made for their type
 */
record ScreenGroup(
        Station station,
        ScreenType type,
        String zone,
        LoopPolicy loopPolicy,
        List<Screen> screens,
        List<Campaign> campaigns) {

    record Key(String station, ScreenType type, String zone, LoopPolicy loopPolicy) {
        static Key of(Screen screen) {
            return new Key(screen.station(), screen.type(), screen.zone(), screen.loopPolicy());
        }
    }

    Key key() {
        return new Key(station.code(), type, zone, loopPolicy);
    }

    boolean isTargetedBy(Campaign campaign) {
        return campaign.targeting().matches(station, screens.get(0))
                && !campaign.creativesFor(type).isEmpty();
    }
}
