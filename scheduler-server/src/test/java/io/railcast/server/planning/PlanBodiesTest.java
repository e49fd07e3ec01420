package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.MakeGood;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.Shortfall;
import io.railcast.model.schedule.Spot;
import io.railcast.model.time.SecondRange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanBodiesTest {

    private static final HourPlan PLAN = new HourPlan(
            new SecondRange(1800, 3600),
            List.of(
                    new Spot(1800, 15, "C-1", "CR-1", CampaignKind.COMMERCIAL),
                    new Spot(1815, 5, "PSA-1", "PSA-1-5S", CampaignKind.PUBLIC_SERVICE),
                    new Spot(1820, 1780, "FIL-1", "FIL-1-30S", CampaignKind.FILLER)));

    @Test
    void writesTheCanonicalBodyOfTheStorageContract() {
        assertThat(PlanBodies.json(PLAN))
                .isEqualTo("{\"onAir\":{\"from\":1800,\"to\":3600},\"spots\":["
                        + "[1800,15,\"C-1\",\"CR-1\",\"C\"],[1815,5,\"PSA-1\",\"PSA-1-5S\",\"P\"],"
                        + "[1820,1780,\"FIL-1\",\"FIL-1-30S\",\"F\"]]}");
    }

    @Test
    void namesAPlanByTheFirstSixteenHexCharactersOfItsBodysSha256() throws Exception {
        String expected = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(PlanBodies.json(PLAN).getBytes(StandardCharsets.UTF_8)))
                .substring(0, 16);
        assertThat(PlanBodies.of(PLAN).id()).isEqualTo(expected);
    }

    @Test
    void givesEqualPlansOneIdAndDifferentPlansAnother() {
        HourPlan same = new HourPlan(PLAN.onAir(), List.copyOf(PLAN.spots()));
        HourPlan moved = new HourPlan(
                PLAN.onAir(),
                List.of(
                        new Spot(1800, 5, "PSA-1", "PSA-1-5S", CampaignKind.PUBLIC_SERVICE),
                        new Spot(1805, 1795, "FIL-1", "FIL-1-30S", CampaignKind.FILLER)));
        assertThat(PlanBodies.of(same).id()).isEqualTo(PlanBodies.of(PLAN).id());
        assertThat(PlanBodies.of(moved).id()).isNotEqualTo(PlanBodies.of(PLAN).id());
    }

    @Test
    void escapesIdsThatJsonCannotTakeAsTheyAre() {
        HourPlan plan = new HourPlan(
                SecondRange.WHOLE_HOUR, List.of(new Spot(0, 3600, "say \"hi\"\\", "tab\t", CampaignKind.FILLER)));
        assertThat(PlanBodies.json(plan)).contains("\"say \\\"hi\\\"\\\\\"", "\"tab\\u0009\"");
    }

    @Test
    void writesAMakeGoodSpotAsAPlayOfTheCampaignItMakesGoodMarkedM() {
        HourPlan plan = new HourPlan(
                new SecondRange(0, 20),
                List.of(
                        new Spot(
                                0,
                                15,
                                MakeGood.id("C-1", "SJZ", LocalDate.of(2026, 12, 9)),
                                "CR-1",
                                CampaignKind.COMMERCIAL),
                        new Spot(15, 5, "FIL-1", "FIL-1-5S", CampaignKind.FILLER)));
        assertThat(PlanBodies.json(plan))
                .isEqualTo("{\"onAir\":{\"from\":0,\"to\":20},\"spots\":["
                        + "[0,15,\"C-1\",\"CR-1\",\"C\",\"M\"],[15,5,\"FIL-1\",\"FIL-1-5S\",\"F\"]]}");
    }

    @Test
    void countsPlaysThePlannerCouldNotPlaceToTheirBookingAndMakeGoodsApart() {
        LocalDate day = LocalDate.of(2026, 12, 9);
        String makeGood = MakeGood.id("C-1", "SJZ", day);
        assertThat(PlannedDelivery.missing(List.of(
                        new Shortfall(makeGood, "SJZ", day, 10, 3, 2, 30),
                        new Shortfall("C-1", "SJZ", day, 11, 3, 1, 15),
                        new Shortfall("C-2", "SJZ", day, 11, 1, 4, 60))))
                .isEqualTo("C-1\tSJZ\t2026-12-09\t9\t6\nC-2\tSJZ\t2026-12-09\t4\t0");
    }
}
