package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contracted airtime sold so far, per group of alike screens and clock hour of the horizon, kept the way a
 * careful operator keeps it: a booking is taken only if afterwards no screen-hour carries more than 65% of the hour
 * in contracted plays, no 5-minute window more than 70%, and no exclusive category more than 15% (so that its spots
 * can always be kept apart). The rest of each hour is left to public-service ads, fillers and the planner's slack.
 */
final class AirtimeLedger {

    static final int HOUR_CAP_SECONDS = 3600 * 65 / 100;
    static final int WINDOW_CAP_TWELFTHS = 300 * 70 / 100 * 12;
    static final int CATEGORY_CAP_SECONDS = 3600 * 15 / 100;

    private final List<ScreenGroup> groups;
    /** Station code to its groups, in network order; looked up, never iterated. */
    private final Map<String, List<ScreenGroup>> groupsByStation = new HashMap<>();

    private final LocalDateTime horizonStart;
    private final int hours;

    AirtimeLedger(Network network, LocalDate firstDay, int days) {
        this.horizonStart = firstDay.atStartOfDay();
        this.hours = days * 24;
        Map<String, ScreenGroup> byKey = new LinkedHashMap<>();
        for (Screen screen : network.screens()) {
            String key = screen.station() + '|' + screen.type() + '|' + screen.zone();
            byKey.computeIfAbsent(key, k -> new ScreenGroup(network.stationOf(screen), screen, hours))
                    .add();
        }
        this.groups = List.copyOf(byKey.values());
        groups.forEach(g -> groupsByStation
                .computeIfAbsent(g.station().code(), code -> new ArrayList<>())
                .add(g));
    }

    /** What the campaign would take from the screens it reaches, worked out once for checking and booking. */
    Quote quote(Campaign campaign) {
        Targeting targeting = campaign.targeting();
        // Most bookings name a station or two: look only at those rather than at the whole network.
        boolean stationsOnly = !targeting.stations().isEmpty()
                && targeting.provinces().isEmpty()
                && targeting.bureaus().isEmpty();
        List<ScreenGroup> candidates = stationsOnly
                ? targeting.stations().stream()
                        .sorted()
                        .flatMap(code -> groupsByStation.getOrDefault(code, List.of()).stream())
                        .toList()
                : groups;
        List<ScreenGroup> reached = new ArrayList<>();
        for (ScreenGroup group : candidates) {
            if (targeting.matches(group.station(), group.sample())) {
                reached.add(group);
            }
        }
        return new Quote(campaign, reached, new ContractedDemand(campaign, horizonStart, hours));
    }

    /** A campaign's demand on the groups it reaches. */
    final class Quote {

        private final Campaign campaign;
        private final List<ScreenGroup> reached;
        private final ContractedDemand demand;

        private Quote(Campaign campaign, List<ScreenGroup> reached, ContractedDemand demand) {
            this.campaign = campaign;
            this.reached = List.copyOf(reached);
            this.demand = demand;
        }

        List<ScreenGroup> reached() {
            return reached;
        }

        /** The stations where booking would push some screen-hour past a cap; empty when it fits. */
        Set<String> overflowingStations() {
            Set<String> overflowing = new LinkedHashSet<>();
            for (ScreenGroup group : reached) {
                if (!overflowing.contains(group.station().code()) && !fits(group)) {
                    overflowing.add(group.station().code());
                }
            }
            return overflowing;
        }

        void book() {
            for (ScreenGroup group : reached) {
                ContractedDemand.Load load = demand.load(group);
                if (load.seconds() == 0) {
                    continue;
                }
                int[] category = campaign.hasExclusiveCategory() ? group.category(campaign.category()) : null;
                boolean[] playing = demand.playing(group);
                for (int h = 0; h < hours; h++) {
                    if (playing[h]) {
                        group.seconds[h] += load.seconds();
                        group.windowTwelfths[h] += load.windowTwelfths();
                        if (category != null) {
                            category[h] += load.seconds();
                        }
                    }
                }
            }
        }

        private boolean fits(ScreenGroup group) {
            ContractedDemand.Load load = demand.load(group);
            if (load.seconds() == 0) {
                return true;
            }
            int[] category = campaign.hasExclusiveCategory() ? group.categorySeconds.get(campaign.category()) : null;
            int categoryCap = campaign.hasExclusiveCategory() ? CATEGORY_CAP_SECONDS : Integer.MAX_VALUE;
            boolean[] playing = demand.playing(group);
            for (int h = 0; h < hours; h++) {
                if (playing[h]
                        && (group.seconds[h] + load.seconds() > HOUR_CAP_SECONDS
                                || group.windowTwelfths[h] + load.windowTwelfths() > WINDOW_CAP_TWELFTHS
                                || (category == null ? 0 : category[h]) + load.seconds() > categoryCap)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The busiest screen-hour's contracted seconds, for reports and tests. */
    int peakSeconds() {
        int peak = 0;
        for (ScreenGroup group : groups) {
            for (int s : group.seconds) {
                peak = Math.max(peak, s);
            }
        }
        return peak;
    }
}
