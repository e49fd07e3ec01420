package io.railcast.demo;

import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which stations the operator has signed and gives each a code, a tier and operating hours. Big cities
 * are signed first and get the hubs; every province gets at least one station.
 */
final class StationPlanner {

    static final DailyHours HUB_HOURS = DailyHours.parse("05:30-00:30");
    static final DailyHours MAJOR_HOURS = DailyHours.parse("06:00-23:30");
    static final DailyHours STANDARD_HOURS = DailyHours.parse("06:30-22:00");
    /** Cities whose rules switch screens off at 22:00 open them a little earlier to compensate. */
    static final DailyHours LIGHTS_OFF_HOURS = DailyHours.parse("06:00-22:00");

    /** Where a city's stations start in the signing order: a small city's first ranks with a hub city's fourth. */
    private static final int[] SIZE_BIAS = {0, 0, 1, 3};

    private static final double HUB_SHARE = 0.05;
    private static final double MAJOR_SHARE = 0.25;
    private static final double LIGHTS_OFF_SHARE = 0.03;

    /** One station the operator could sign: {@code index} is its place in its city's list. */
    private record Candidate(City city, int cityOrder, City.StationName name, int index, long tie) {
        int signingRank() {
            return index + SIZE_BIAS[city.size()];
        }
    }

    private static final Comparator<Candidate> SIGNING =
            Comparator.comparingInt(Candidate::signingRank).thenComparingLong(Candidate::tie);
    private static final Comparator<Candidate> IMPORTANCE = Comparator.comparingInt(
                    (Candidate c) -> c.city().size())
            .thenComparingInt(Candidate::index)
            .thenComparingLong(Candidate::tie);
    private static final Comparator<Candidate> MAP_ORDER =
            Comparator.comparingInt(Candidate::cityOrder).thenComparingInt(Candidate::index);

    private StationPlanner() {}

    static List<Site> plan(Geography geography, int count, Dice dice) {
        List<Candidate> candidates = new ArrayList<>();
        List<City> cities = geography.cities();
        for (int c = 0; c < cities.size(); c++) {
            List<City.StationName> names = cities.get(c).candidates(dice);
            for (int i = 0; i < names.size(); i++) {
                candidates.add(new Candidate(cities.get(c), c, names.get(i), i, dice.nextLong()));
            }
        }
        if (count > candidates.size()) {
            throw new IllegalArgumentException(
                    "at most " + candidates.size() + " stations can be named, asked for " + count);
        }
        List<Candidate> chosen = choose(candidates, count);
        Map<Candidate, Tier> tiers = tiers(chosen);
        Set<City> lightsOff = lightsOffCities(chosen, dice);
        chosen.sort(MAP_ORDER);
        Set<String> codes = new HashSet<>();
        List<Site> sites = new ArrayList<>();
        for (Candidate candidate : chosen) {
            Tier tier = tiers.get(candidate);
            City city = candidate.city();
            String code = unique(candidate.name().code(), codes);
            Station station = new Station(
                    code,
                    candidate.name().name(),
                    city.province(),
                    city.bureau(),
                    tier,
                    Station.CHINA,
                    hours(tier, lightsOff.contains(city)));
            sites.add(new Site(station, city));
        }
        return sites;
    }

    /** The best station of every province first, so that even a small network spans the country; then by rank. */
    private static List<Candidate> choose(List<Candidate> candidates, int count) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(SIGNING);
        Map<String, Candidate> bestByProvince = new LinkedHashMap<>();
        sorted.forEach(c -> bestByProvince.putIfAbsent(c.city().province(), c));
        List<Candidate> chosen = new ArrayList<>(bestByProvince.values());
        chosen.sort(SIGNING);
        if (chosen.size() >= count) {
            return new ArrayList<>(chosen.subList(0, count));
        }
        Set<Candidate> taken = new HashSet<>(chosen);
        for (Candidate candidate : sorted) {
            if (chosen.size() == count) {
                break;
            }
            if (!taken.contains(candidate)) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private static Map<Candidate, Tier> tiers(List<Candidate> chosen) {
        List<Candidate> byImportance = new ArrayList<>(chosen);
        byImportance.sort(IMPORTANCE);
        int hubs = Math.max(1, (int) Math.round(chosen.size() * HUB_SHARE));
        int majors = (int) Math.round(chosen.size() * MAJOR_SHARE);
        Map<Candidate, Tier> tiers = new HashMap<>();
        for (int i = 0; i < byImportance.size(); i++) {
            tiers.put(byImportance.get(i), i < hubs ? Tier.HUB : i < hubs + majors ? Tier.MAJOR : Tier.STANDARD);
        }
        return tiers;
    }

    /** A few small cities whose local rules switch screens off at 22:00. */
    private static Set<City> lightsOffCities(List<Candidate> chosen, Dice dice) {
        LinkedHashSet<City> small = new LinkedHashSet<>();
        chosen.stream().sorted(MAP_ORDER).filter(c -> c.city().size() == 3).forEach(c -> small.add(c.city()));
        int count = small.isEmpty() ? 0 : Math.max(1, (int) Math.round(small.size() * LIGHTS_OFF_SHARE));
        return new HashSet<>(dice.sample(new ArrayList<>(small), count));
    }

    private static DailyHours hours(Tier tier, boolean lightsOff) {
        if (tier == Tier.HUB) {
            return HUB_HOURS;
        }
        if (lightsOff) {
            return LIGHTS_OFF_HOURS;
        }
        return tier == Tier.MAJOR ? MAJOR_HOURS : STANDARD_HOURS;
    }

    /** Pinyin repeats across provinces (苏州 and 宿州 are both Suzhou): the later one gets a number. */
    private static String unique(String code, Set<String> taken) {
        String candidate = code;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = code + n;
        }
        return candidate;
    }
}
