package io.railcast.model.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stations and screens RailCast plans for, and when screens are out of service. Immutable; every screen's
 * station is known.
 */
public final class Network {

    private final Map<String, Station> stations;
    private final Map<String, Screen> screens;
    private final Map<String, List<Screen>> screensByStation;
    private final Map<String, List<OutOfService>> outOfService;

    public Network(Collection<Station> stations, Collection<Screen> screens) {
        this(stations, screens, Map.of());
    }

    /**
     * @param outOfService the periods each screen is off air, by screen id; a screen not named is always in service
     */
    public Network(
            Collection<Station> stations, Collection<Screen> screens, Map<String, List<OutOfService>> outOfService) {
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
        Map<String, List<OutOfService>> periods = new LinkedHashMap<>();
        outOfService.forEach((screenId, list) -> {
            if (!byId.containsKey(screenId)) {
                throw new IllegalArgumentException("out-of-service period names unknown screen " + screenId);
            }
            if (!list.isEmpty()) {
                periods.put(screenId, List.copyOf(list));
            }
        });
        this.outOfService = Collections.unmodifiableMap(periods);
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

    /** The periods the screen is off air, in the order given; empty when it is always in service. */
    public List<OutOfService> outOfService(String screenId) {
        return outOfService.getOrDefault(screenId, List.of());
    }

    /** Every screen's periods off air, by screen id (only screens that have some). */
    public Map<String, List<OutOfService>> outOfService() {
        return outOfService;
    }

    /** This network with {@code period} added to each of {@code screenIds}. */
    public Network withOutOfService(Collection<String> screenIds, OutOfService period) {
        Map<String, List<OutOfService>> periods = new LinkedHashMap<>(outOfService);
        for (String id : screenIds) {
            List<OutOfService> list = new ArrayList<>(periods.getOrDefault(id, List.of()));
            list.add(period);
            periods.put(id, list);
        }
        return new Network(stations.values(), screens.values(), periods);
    }
}
