package io.railcast.server.network;

import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A station as the API reads and writes it.
 *
 * @param code           the operator's station code, e.g. "BJN"
 * @param name           e.g. "北京南站"
 * @param province       e.g. "北京"
 * @param bureau         the railway bureau, e.g. "北京局"
 * @param tier           HUB, MAJOR or STANDARD (any case on input)
 * @param zone           a time-zone ID; Asia/Shanghai when absent
 * @param operatingHours when its screens are on, "05:30-00:30"; may cross midnight, "00:00-00:00" is all day
 */
record StationPayload(
        @Nullable String code,
        @Nullable String name,
        @Nullable String province,
        @Nullable String bureau,
        @Nullable String tier,
        @Nullable String zone,
        @Nullable String operatingHours) {

    static final JsonItems.Kind<StationPayload, Station> KIND = new JsonItems.Kind<>(
            NetworkRefusal.InvalidStations::new, "station", StationPayload.class, StationPayload::toStation);

    static StationPayload of(Station station) {
        return new StationPayload(
                station.code(),
                station.name(),
                station.province(),
                station.bureau(),
                station.tier().name(),
                station.zone().getId(),
                station.operatingHours().toString());
    }

    /** This edit applied to {@code current}: every field given here replaces the current one. */
    StationPayload over(StationPayload current) {
        return new StationPayload(
                current.code(),
                name == null ? current.name() : name,
                province == null ? current.province() : province,
                bureau == null ? current.bureau() : bureau,
                tier == null ? current.tier() : tier,
                zone == null ? current.zone() : zone,
                operatingHours == null ? current.operatingHours() : operatingHours);
    }

    @Nullable
    Station toStation(FieldErrors errors) {
        String code = errors.code("code", this.code);
        String name = errors.text("name", this.name);
        String province = errors.text("province", this.province);
        String bureau = errors.text("bureau", this.bureau);
        Tier tier = errors.constant("tier", this.tier, Tier.class);
        ZoneId zone = (this.zone == null) ? Station.CHINA : errors.parse("zone", this.zone, ZoneId::of);
        DailyHours hours = errors.parse("operatingHours", this.operatingHours, DailyHours::parse);
        return errors.build("", () -> new Station(code, name, province, bureau, tier, zone, hours));
    }
}
