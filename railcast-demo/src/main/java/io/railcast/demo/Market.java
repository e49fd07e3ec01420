package io.railcast.demo;

import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** The network as a sales team sees it: stations by tier and city, the provinces and bureaus it can sell. */
final class Market {

    /** How much more often advertisers ask for a station of each tier than for a standard one. */
    private static final Map<Tier, Integer> DEMAND = Map.of(Tier.HUB, 12, Tier.MAJOR, 4, Tier.STANDARD, 1);

    private final Network network;
    private final List<Station> stations;
    private final List<Station> hubs;
    private final Map<String, City> cityOf = new HashMap<>();
    private final List<List<Station>> multiStationCities = new ArrayList<>();
    private final List<String> provinces;
    private final List<String> bureaus;
    private final int[] weights;

    Market(Network network, List<Site> sites) {
        this.network = network;
        this.stations = sites.stream().map(Site::station).toList();
        this.hubs = stations.stream().filter(s -> s.tier() == Tier.HUB).toList();
        Map<City, List<Station>> byCity = new LinkedHashMap<>();
        for (Site site : sites) {
            cityOf.put(site.station().code(), site.city());
            byCity.computeIfAbsent(site.city(), c -> new ArrayList<>()).add(site.station());
        }
        byCity.values().stream().filter(list -> list.size() > 1).forEach(l -> multiStationCities.add(List.copyOf(l)));
        LinkedHashSet<String> provinceNames = new LinkedHashSet<>();
        LinkedHashSet<String> bureauNames = new LinkedHashSet<>();
        stations.forEach(s -> {
            provinceNames.add(s.province());
            bureauNames.add(s.bureau());
        });
        this.provinces = List.copyOf(provinceNames);
        this.bureaus = List.copyOf(bureauNames);
        this.weights = stations.stream().mapToInt(s -> DEMAND.get(s.tier())).toArray();
    }

    List<Station> stations() {
        return stations;
    }

    /** The hubs, or every station when the network is too small to have any. */
    List<Station> hubs() {
        return hubs.isEmpty() ? stations : hubs;
    }

    List<String> provinces() {
        return provinces;
    }

    List<String> bureaus() {
        return bureaus;
    }

    /** Cities with two or more signed stations, each as its stations in network order. */
    List<List<Station>> multiStationCities() {
        return multiStationCities;
    }

    City cityOf(Station station) {
        return cityOf.get(station.code());
    }

    /** A station drawn the way advertisers ask for them: hubs far more often than standard stations. */
    Station popularStation(Dice dice) {
        return stations.get(dice.weighted(weights));
    }

    boolean has(Station station, ScreenType type) {
        return network.screensAt(station.code()).stream().map(Screen::type).anyMatch(type::equals);
    }

    /** Other provinces run by a bureau that also runs stations in {@code province}: natural partners for a buy. */
    List<String> neighbours(String province) {
        LinkedHashSet<String> shared = new LinkedHashSet<>();
        stations.stream().filter(s -> s.province().equals(province)).forEach(s -> shared.add(s.bureau()));
        LinkedHashSet<String> result = new LinkedHashSet<>();
        stations.stream()
                .filter(s -> shared.contains(s.bureau()) && !s.province().equals(province))
                .forEach(s -> result.add(s.province()));
        return List.copyOf(result);
    }
}
