package io.railcast.demo;

import java.util.ArrayList;
import java.util.List;

/**
 * A city in cities.txt: where it lies, which bureau runs its stations, how big it is, and the names of its stations,
 * most important first.
 *
 * @param size 1 for a national hub city, 2 for a provincial capital or other big city, 3 for the rest
 */
record City(String province, String bureau, String name, String pinyin, int size, List<StationName> stations) {

    /** A station's Chinese name and the ASCII code derived from its pinyin. */
    record StationName(String name, String code) {}

    private static final List<String> DIRECTIONS = List.of("南", "东", "西", "北");
    private static final List<String> DIRECTIONS_PINYIN = List.of("nan", "dong", "xi", "bei");

    City {
        stations = List.copyOf(stations);
    }

    /** Reads one token of cities.txt: "站", a direction, or "name/pinyin". */
    StationName station(String token) {
        if (token.equals("站")) {
            return new StationName(name + "站", code(pinyin));
        }
        int direction = DIRECTIONS.indexOf(token);
        if (direction >= 0) {
            return new StationName(name + token + "站", code(pinyin + DIRECTIONS_PINYIN.get(direction)));
        }
        String[] parts = token.split("/");
        if (parts.length != 2 || parts[0].isBlank() || !parts[1].matches("[a-z]+")) {
            throw new IllegalArgumentException("station token must be 站, a direction or name/pinyin: " + token);
        }
        return new StationName(parts[0] + "站", code(parts[1]));
    }

    /**
     * The listed stations followed by the ones the list leaves out among the city's own station and the four
     * directions, in drawn order: enough names for a network larger than the list foresees.
     */
    List<StationName> candidates(Dice dice) {
        List<StationName> all = new ArrayList<>(stations);
        List<String> extra = new ArrayList<>();
        extra.add("站");
        extra.addAll(dice.shuffled(DIRECTIONS));
        for (String token : extra) {
            StationName more = station(token);
            if (all.stream().noneMatch(s -> s.name().equals(more.name()))) {
                all.add(more);
            }
        }
        return all;
    }

    private static String code(String pinyin) {
        return pinyin.toUpperCase(java.util.Locale.ROOT);
    }
}
