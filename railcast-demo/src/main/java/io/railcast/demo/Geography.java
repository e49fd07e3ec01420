package io.railcast.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** The provinces, bureaus and cities of cities.txt, read once and shared: it is immutable. */
final class Geography {

    /** The 18 railway bureaus of China Railway, north-east to north-west as the group lists them. */
    static final List<String> BUREAUS = List.of(
            "哈尔滨局", "沈阳局", "北京局", "太原局", "呼和浩特局", "郑州局", "武汉局", "西安局", "济南局", "上海局", "南昌局", "广州局", "南宁局", "成都局", "昆明局",
            "兰州局", "乌鲁木齐局", "青藏局");

    private static final Geography CHINA = load("cities.txt");

    private final List<City> cities;
    private final List<String> provinces;

    private Geography(List<City> cities) {
        this.cities = List.copyOf(cities);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        cities.forEach(city -> names.add(city.province()));
        this.provinces = List.copyOf(names);
    }

    static Geography china() {
        return CHINA;
    }

    /** In file order: province by province, big cities first. */
    List<City> cities() {
        return cities;
    }

    /** In file order. */
    List<String> provinces() {
        return provinces;
    }

    private static Geography load(String resource) {
        try (InputStream in = Geography.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<City> cities = new ArrayList<>();
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (!text.isEmpty() && !text.startsWith("#")) {
                    cities.add(parse(text, resource + ":" + number));
                }
            }
            return new Geography(cities);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static City parse(String line, String where) {
        String[] fields = line.split("\\s+");
        if (fields.length < 5 || !BUREAUS.contains(fields[1]) || !fields[4].matches("[123]")) {
            throw new IllegalStateException(where + ": expected province, bureau, city, pinyin, size 1-3: " + line);
        }
        City bare = new City(fields[0], fields[1], fields[2], fields[3], Integer.parseInt(fields[4]), List.of());
        List<City.StationName> stations = new ArrayList<>();
        for (int i = 5; i < fields.length; i++) {
            stations.add(bare.station(fields[i]));
        }
        return new City(bare.province(), bare.bureau(), bare.name(), bare.pinyin(), bare.size(), stations);
    }
}
