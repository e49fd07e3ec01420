package io.railcast.server.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import io.railcast.server.system.FieldProblem;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StationPayloadTest {

    @Test
    void mapsToTheDomainWithChinaTimeByDefault() {
        FieldErrors errors = new FieldErrors();
        Station station =
                new StationPayload(" BJN ", "北京南站", "北京", "北京局", "hub", null, "05:30-00:30").toStation(errors);
        assertThat(errors.problems()).isEmpty();
        assertThat(station)
                .isEqualTo(new Station(
                        "BJN", "北京南站", "北京", "北京局", Tier.HUB, Station.CHINA, DailyHours.parse("05:30-00:30")));
    }

    @Test
    void roundTripsThroughThePayload() {
        Station station = new Station(
                "SZB", "深圳北站", "广东", "广州局", Tier.MAJOR, ZoneId.of("Asia/Urumqi"), DailyHours.parse("06:00-24:00"));
        assertThat(StationPayload.of(station).toStation(new FieldErrors())).isEqualTo(station);
    }

    @Test
    void namesEveryWrongFieldAtOnce() {
        FieldErrors errors = new FieldErrors();
        Station station =
                new StationPayload("", "x", null, "局", "giant", "Nowhere/City", "25:00-06:00").toStation(errors);
        assertThat(station).isNull();
        assertThat(errors.problems())
                .extracting(FieldProblem::field)
                .containsExactly("code", "province", "tier", "zone", "operatingHours");
    }
}
