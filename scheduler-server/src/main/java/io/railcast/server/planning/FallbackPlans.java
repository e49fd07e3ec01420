package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Screen;
import io.railcast.model.network.Station;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Each screen's fallback: a whole hour of filler content that its agent plays when its horizon runs out while it
 * cannot reach the server (docs/agent-protocol.md). Made from the FILLER campaigns that reach the screen and run
 * during the horizon, or failing those from public-service ads without a guaranteed frequency; none when neither
 * exists, or when the screen is retired (out of service for good). Screens with the same material share one plan
 * object.
 */
final class FallbackPlans {

    private record Item(String campaignId, String creativeId, int seconds, CampaignKind kind) {}

    private final Network network;
    private final List<Campaign> fillers;
    private final List<Campaign> publicService;
    private final Map<List<Item>, HourPlan> plans = new HashMap<>();

    FallbackPlans(Network network, List<Campaign> campaigns, LocalDate firstDay, int days) {
        this.network = network;
        List<Campaign> running = campaigns.stream()
                .filter(c -> c.flight()
                        .overlaps(
                                firstDay.atStartOfDay(), firstDay.plusDays(days).atStartOfDay()))
                .sorted(Comparator.comparing(Campaign::id))
                .toList();
        this.fillers =
                running.stream().filter(c -> c.kind() == CampaignKind.FILLER).toList();
        this.publicService = running.stream()
                .filter(c -> c.kind() == CampaignKind.PUBLIC_SERVICE && !c.isContracted())
                .toList();
    }

    /** The screen's fallback; none for a retired screen, which stays dark once its plans run out. */
    @Nullable
    HourPlan forScreen(Screen screen) {
        if (network.outOfService(screen.id()).stream().anyMatch(OutOfService::isRetirement)) {
            return null;
        }
        Station station = network.stationOf(screen);
        List<Item> items = items(fillers, station, screen);
        if (items.isEmpty()) {
            items = items(publicService, station, screen);
        }
        if (items.isEmpty()) {
            return null;
        }
        return plans.computeIfAbsent(items, FallbackPlans::tile);
    }

    private static List<Item> items(List<Campaign> campaigns, Station station, Screen screen) {
        List<Item> items = new ArrayList<>();
        for (Campaign campaign : campaigns) {
            if (!campaign.targeting().matches(station, screen)) {
                continue;
            }
            for (WeightedCreative wc : campaign.creativesFor(screen.type())) {
                int seconds = wc.creative().durationSeconds();
                if (screen.loopPolicy().fits(seconds)) {
                    items.add(new Item(campaign.id(), wc.creative().id(), seconds, campaign.kind()));
                }
            }
        }
        return items;
    }

    /** Plays the items in turn from 0 s, taking the next that still fits, until the hour is full. */
    private static HourPlan tile(List<Item> items) {
        List<Spot> spots = new ArrayList<>();
        int at = 0;
        int next = 0;
        while (at < SecondRange.HOUR) {
            Item chosen = null;
            for (int tried = 0; tried < items.size() && chosen == null; tried++) {
                Item item = items.get((next + tried) % items.size());
                if (item.seconds() <= SecondRange.HOUR - at) {
                    chosen = item;
                    next = (next + tried + 1) % items.size();
                }
            }
            if (chosen == null) {
                break; // the rest is shorter than any item: left dark rather than cut
            }
            spots.add(new Spot(at, chosen.seconds(), chosen.campaignId(), chosen.creativeId(), chosen.kind()));
            at += chosen.seconds();
        }
        return new HourPlan(SecondRange.WHOLE_HOUR, spots);
    }
}
