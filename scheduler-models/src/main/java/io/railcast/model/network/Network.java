package io.railcast.model.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stations and screens RailCast plans for. Immutable; every screen's station is known.
 */
public final class Network {

    private final Map<String, Station> stations;
    private final Map<String, Screen> screens;
    private final Map<String, List<Screen>> screensByStation;

    public Network(Collection<Station> stations, Collection<Screen> screens) {
        Map<String, Station> byCode = new LinkedHashMap<>();
        for (Station station : stations) {
            if (byCode.putIfAbsent(station.code(), station) != null) {
                throw new IllegalArgumentException("station code " + station.code() + " appears twice");
            }
        }
        Map<String, Screen> byId = new LinkedHashMap<>();
        Map<String, List<Screen>> byStation = new LinkedHashMap<>();
        for (Screen screen : screens) {
            if (!byCode.containsKey(screen.station())) {
                throw new IllegalArgumentException(
                        "screen " + screen.id() + " names unknown station " + screen.station());
            }
            if (byId.putIfAbsent(screen.id(), screen) != null) {
                throw new IllegalArgumentException("screen id " + screen.id() + " appears twice");
            }
            byStation
                    .computeIfAbsent(screen.station(), code -> new ArrayList<>())
                    .add(screen);
        }
        byStation.replaceAll((code, list) -> List.copyOf(list));
        this.stations = Collections.unmodifiableMap(byCode);
        this.screens = Collections.unmodifiableMap(byId);
        this.screensByStation = Collections.unmodifiableMap(byStation);
    }

    public Collection<Station> stations() {
        return stations.values();
    }

    public Collection<Screen> screens() {
        return screens.values();
    }

    public Optional<Station> station(String code) {
        return Optional.ofNullable(stations.get(code));
    }

    public Optional<Screen> screen(String id) {
        return Optional.ofNullable(screens.get(id));
    }

    /** The station a known screen hangs in. */
    public Station stationOf(Screen screen) {
        return stations.get(screen.station());
    }

    public List<Screen> screensAt(String stationCode) {
        return screensByStation.getOrDefault(stationCode, List.of());
    }
}
