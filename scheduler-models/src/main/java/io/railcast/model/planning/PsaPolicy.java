package io.railcast.model.planning;

import java.util.Map;

/**
 * How much public-service airtime each screen owes: per screen and day, PSA airtime must reach {@code share} of the
 * commercial airtime. Local rules differ (3% of commercial airtime for Shenzhen's electronic screens, up to 30% for
 * some cities' LED walls), so the share is set per province, with a default.
 */
public record PsaPolicy(double defaultShare, Map<String, Double> shareByProvince) {

    public static final PsaPolicy DEFAULT = new PsaPolicy(0.03, Map.of());

    public PsaPolicy {
        shareByProvince = Map.copyOf(shareByProvince);
        check(defaultShare, "defaultShare");
        shareByProvince.forEach((province, share) -> check(share, "shareByProvince." + province));
    }

    private static void check(double share, String field) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(field + " must be a share between 0 and 1, got " + share);
        }
    }

    public double shareFor(String province) {
        return shareByProvince.getOrDefault(province, defaultShare);
    }
}
