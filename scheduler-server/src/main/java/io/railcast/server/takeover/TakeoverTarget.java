package io.railcast.server.takeover;

import java.util.List;

/**
 * Which screens a takeover covers: every screen of the network, or those matching every non-empty list (a screen
 * of one of {@code stations}, in one of {@code provinces}, in one of {@code zones}, of one of {@code screenTypes}).
 */
public record TakeoverTarget(
        boolean network, List<String> stations, List<String> provinces, List<String> zones, List<String> screenTypes) {

    public TakeoverTarget {
        stations = List.copyOf(stations);
        provinces = List.copyOf(provinces);
        zones = List.copyOf(zones);
        screenTypes = List.copyOf(screenTypes);
    }
}
