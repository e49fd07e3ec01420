package io.railcast.model.network;

import io.railcast.model.time.DailyHours;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A railway station with screens.
 *
 * @param code           the operator's station code, unique in the network (e.g. "BJN")
 * @param name           the station's name in Chinese (e.g. "北京南站")
 * @param province       the province (or municipality) it lies in
 * @param bureau         the railway bureau that runs it
 * @param tier           hub, major or standard
 * @param zone           the time zone its clocks show; Asia/Shanghai for the whole network today
 * @param operatingHours when its screens are on; may cross midnight (05:30–00:30)
 */
public record Station(
        String code, String name, String province, String bureau, Tier tier, ZoneId zone, DailyHours operatingHours) {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Station {
        requireText(code, "code");
        requireText(name, "name");
        requireText(province, "province");
        requireText(bureau, "bureau");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(operatingHours, "operatingHours");
    }

    static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
    }
}
