package io.railcast.model.campaign;

import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import java.util.Set;

/**
 * Which screens a campaign plays on. Places add up: a screen qualifies when its station is listed, or lies in a
 * listed province, or is run by a listed bureau (no place at all means the whole network). Filters then narrow:
 * when tiers, screen types or zones are given, the screen must match each of them.
 */
public record Targeting(
        Set<String> stations,
        Set<String> provinces,
        Set<String> bureaus,
        Set<Tier> tiers,
        Set<ScreenType> screenTypes,
        Set<String> zones) {

    public static final Targeting NETWORK = new Targeting(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    public Targeting {
        stations = Set.copyOf(stations);
        provinces = Set.copyOf(provinces);
        bureaus = Set.copyOf(bureaus);
        tiers = Set.copyOf(tiers);
        screenTypes = Set.copyOf(screenTypes);
        zones = Set.copyOf(zones);
    }

    public static Targeting stations(String... codes) {
        return NETWORK.withStations(Set.of(codes));
    }

    public static Targeting provinces(String... names) {
        return new Targeting(Set.of(), Set.of(names), Set.of(), Set.of(), Set.of(), Set.of());
    }

    public static Targeting bureaus(String... names) {
        return new Targeting(Set.of(), Set.of(), Set.of(names), Set.of(), Set.of(), Set.of());
    }

    public Targeting withStations(Set<String> codes) {
        return new Targeting(codes, provinces, bureaus, tiers, screenTypes, zones);
    }

    public Targeting withTiers(Tier... values) {
        return new Targeting(stations, provinces, bureaus, Set.of(values), screenTypes, zones);
    }

    public Targeting withScreenTypes(ScreenType... values) {
        return new Targeting(stations, provinces, bureaus, tiers, Set.of(values), zones);
    }

    public Targeting withZones(String... values) {
        return new Targeting(stations, provinces, bureaus, tiers, screenTypes, Set.of(values));
    }

    public boolean isWholeNetwork() {
        return stations.isEmpty() && provinces.isEmpty() && bureaus.isEmpty();
    }

    public boolean matches(Station station, Screen screen) {
        boolean placed = isWholeNetwork()
                || stations.contains(station.code())
                || provinces.contains(station.province())
                || bureaus.contains(station.bureau());
        return placed
                && (tiers.isEmpty() || tiers.contains(station.tier()))
                && (screenTypes.isEmpty() || screenTypes.contains(screen.type()))
                && (zones.isEmpty() || zones.contains(screen.zone()));
    }
}
