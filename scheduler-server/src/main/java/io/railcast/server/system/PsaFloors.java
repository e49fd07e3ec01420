package io.railcast.server.console;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The PSA share the planner owes per screen-hour, as configured for planning ({@code railcast.planning.psa-share}
 * and {@code .psa-share-by-province.*}), for the PSA calendar to draw each province's floor.
 *
 * @param share      the floor of every province not named in {@code byProvince}
 * @param byProvince provinces whose floor differs, by name
 */
record PsaFloors(double share, Map<String, Double> byProvince) {

    static PsaFloors of(Environment environment) {
        Binder binder = Binder.get(environment);
        double share = binder.bind("railcast.planning.psa-share", Double.class).orElse(0.03);
        Map<String, Double> byProvince = binder.bind(
                        "railcast.planning.psa-share-by-province", Bindable.mapOf(String.class, Double.class))
                .orElse(Map.of());
        return new PsaFloors(share, new TreeMap<>(byProvince));
    }
}
