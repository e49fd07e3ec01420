package io.railcast.model.network;

import java.util.Objects;

/**
 * One screen in a station.
 *
 * @param id         unique in the network
 * @param station    the code of the station it hangs in
 * @param type       LED wall, LCD frame or TV set
 * @param zone       where in the station it hangs (e.g. "waiting-hall", "ticket-hall"); targeting can pick zones
 * @param loopPolicy how its airtime is sliced
 */
public record Screen(String id, String station, ScreenType type, String zone, LoopPolicy loopPolicy) {

    public Screen {
        Station.requireText(id, "id");
        Station.requireText(station, "station");
        Objects.requireNonNull(type, "type");
        Station.requireText(zone, "zone");
        Objects.requireNonNull(loopPolicy, "loopPolicy");
    }
}
