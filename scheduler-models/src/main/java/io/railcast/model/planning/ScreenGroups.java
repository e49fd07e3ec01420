package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sorts a network's screens into groups that targeting cannot tell apart, each with the campaigns it gets. */
final class ScreenGroups {

    private ScreenGroups() {}

    static Map<ScreenGroup.Key, ScreenGroup> of(Network network, List<Campaign> campaigns) {
        Map<ScreenGroup.Key, List<Screen>> screens = new LinkedHashMap<>();
        for (Screen screen : network.screens()) {
            screens.computeIfAbsent(ScreenGroup.Key.of(screen, network), key -> new ArrayList<>())
                    .add(screen);
        }
        List<Campaign> ordered = new ArrayList<>(campaigns);
        ordered.sort(java.util.Comparator.comparing(Campaign::id));
        // whether a campaign has a creative for a screen type is asked once per type, not once per group
        Map<ScreenType, List<Campaign>> madeFor = new EnumMap<>(ScreenType.class);
        Map<ScreenGroup.Key, ScreenGroup> groups = new LinkedHashMap<>();
        screens.forEach((key, members) -> {
            Screen first = members.get(0);
            var station = network.stationOf(first);
            List<Campaign> targeting = madeFor
                    .computeIfAbsent(
                            first.type(),
                            type -> ordered.stream()
                                    .filter(c -> !c.creativesFor(type).isEmpty())
                                    .toList())
                    .stream()
                    .filter(c -> c.targeting().matches(station, first))
                    .toList();
            groups.put(
                    key,
                    new ScreenGroup(
                            station,
                            first.type(),
                            first.zone(),
                            first.loopPolicy(),
                            key.outOfService(),
                            List.copyOf(members),
                            targeting));
        });
        return groups;
    }
}
