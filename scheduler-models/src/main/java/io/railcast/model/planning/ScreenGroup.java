package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Screens that no targeting can tell apart (same station, type, zone and loop policy) and that are out of service
 * at the same times: they always play the same plan, so the planner resolves their hours once.
 *
 * @param outOfService when these screens are off air (none, for most)
 * @param campaigns    the campaigns that target these screens and have a creative made for their type
 */
record ScreenGroup(
        Station station,
        ScreenType type,
        String zone,
        LoopPolicy loopPolicy,
        List<OutOfService> outOfService,
        List<Screen> screens,
        List<Campaign> campaigns) {

    record Key(String station, ScreenType type, String zone, LoopPolicy loopPolicy, List<OutOfService> outOfService) {
        static Key of(Screen screen, Network network) {
            return new Key(
                    screen.station(),
                    screen.type(),
                    screen.zone(),
                    screen.loopPolicy(),
                    network.outOfService(screen.id()));
        }
    }

    Key key() {
        return new Key(station.code(), type, zone, loopPolicy, outOfService);
    }

    /** Whether these screens are off air at some instant of the clock hour {@code hour} of {@code date}. */
    boolean isOutOfService(LocalDate date, int hour) {
        if (outOfService.isEmpty()) {
            return false;
        }
        Instant start = date.atTime(hour, 0).atZone(station.zone()).toInstant();
        Instant end = start.plus(Duration.ofHours(1));
        return outOfService.stream().anyMatch(period -> period.overlaps(start, end));
    }

    /** These screens with only {@code fewer} of their campaigns (in the same order). */
    ScreenGroup withCampaigns(List<Campaign> fewer) {
        return new ScreenGroup(station, type, zone, loopPolicy, outOfService, screens, fewer);
    }

    boolean isTargetedBy(Campaign campaign) {
        return campaign.targeting().matches(station, screens.get(0))
                && !campaign.creativesFor(type).isEmpty();
    }
}
