package io.railcast.server.system;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The PSA share the planner owes per screen-hour, as configured for planning ({@code railcast.planning.psa-share}
 * and {@code .psa-share-by-province.*}), for the PSA calendar and the public-service report to set each province's
 * figures against its floor.
 *
 * @param share      the floor of every province not named in {@code byProvince}
 * @param byProvince provinces whose floor differs, by name
 */
public record PsaFloors(double share, Map<String, Double> byProvince) {

    public static PsaFloors of(Environment environment) {
        Binder binder = Binder.get(environment);
        double share = binder.bind("railcast.planning.psa-share", Double.class).orElse(0.03);
        Map<String, Double> byProvince = binder.bind(
                        "railcast.planning.psa-share-by-province", Bindable.mapOf(String.class, Double.class))
                .orElse(Map.of());
        return new PsaFloors(share, new TreeMap<>(byProvince));
    }

    /** The floor of {@code province}: its own, or the default. */
    public double floorOf(String province) {
        return byProvince.getOrDefault(province, share);
    }
}
