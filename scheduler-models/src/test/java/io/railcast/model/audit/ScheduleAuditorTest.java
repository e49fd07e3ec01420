package io.railcast.model.audit;

import static io.railcast.model.audit.AuditAssertions.assertClean;
import static io.railcast.model.audit.AuditAssertions.assertFaults;
import static io.railcast.model.audit.AuditFixture.CAR;
import static io.railcast.model.audit.AuditFixture.CAR_A;
import static io.railcast.model.audit.AuditFixture.CAR_B;
import static io.railcast.model.audit.AuditFixture.DAY;
import static io.railcast.model.audit.AuditFixture.FILLER;
import static io.railcast.model.audit.AuditFixture.FILL_CLIP;
import static io.railcast.model.audit.AuditFixture.LCD;
import static io.railcast.model.audit.AuditFixture.LED;
import static io.railcast.model.audit.AuditFixture.PSA;
import static io.railcast.model.audit.AuditFixture.SUV;
import static io.railcast.model.audit.AuditFixture.TEA;
import static io.railcast.model.audit.AuditFixture.audit;
import static io.railcast.model.audit.AuditFixture.plan;
import static io.railcast.model.audit.AuditFixture.scheduleWith;
import static io.railcast.model.audit.PlanSketch.replacing;
import static io.railcast.model.audit.PlanSketch.spot;
import static io.railcast.model.audit.PlanSketch.without;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.ScreenType;
import io.railcast.model.planning.PsaPolicy;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.time.DailyHours;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a schedule owes each booking and how the audit measures it, one broken plan at a time. */
class ScheduleAuditorTest {

    private static final HourPlan LED_NINE = plan(ScreenType.LED_LARGE, 9);

    @Test
    void passesAScheduleThatHonoursEveryBooking() {
        AuditReport report = audit(AuditFixture.correctSchedule());

        assertClean(report);
        assertThat(report.screenHours()).isEqualTo(3 * 17);
        assertThat(report.distinctPlans()).isEqualTo(2 * 17);
        assertThat(report.rotationMaxError()).isZero();
        assertThat(report.psaShareMin()).isGreaterThan(0.03);
    }

    @Test
    void reportsMissingContractedPlay() {
        HourPlan oneCarShort = PlanSketch.onAir(LED_NINE.onAir(), FILLER)
                .play(0, CAR, CAR_A)
                .play(900, SUV)
                .play(2700, PSA)
                .filled();

        AuditReport report = audit(scheduleWith(LED, 9, oneCarShort));

        assertFaults(report, "contractedPlaysMissing", 1);
        assertThat(report.isFeasible()).isFalse();
        assertThat(report.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(AuditFault.Kind.MISSING_PLAY);
            assertThat(fault.campaignId()).isEqualTo(CAR.id());
        });
    }

    @Test
    void countsEveryMissingPlayOfAnHour() {
        HourPlan noCar = PlanSketch.onAir(LED_NINE.onAir(), FILLER)
                .play(900, SUV)
                .play(2700, PSA)
                .filled();

        assertFaults(audit(scheduleWith(LED, 9, noCar)), "contractedPlaysMissing", 2);
    }

    @Test
    void reportsExtraContractedPlay() {
        HourPlan threeCars = replacing(LED_NINE, 2400, spot(2400, CAR, CAR_A));
        threeCars = without(threeCars, s -> s.offsetSeconds() > 2400 && s.offsetSeconds() < 2415);

        assertFaults(audit(scheduleWith(LED, 9, threeCars)), "windowFaults", 1);
    }

    @Test
    void reportsPlayOutsideTheCampaignsDailyHours() {
        HourPlan carAtTen = withCarAt(plan(ScreenType.LED_LARGE, 22), 600);

        assertFaults(audit(scheduleWith(LED, 22, carAtTen)), "windowFaults", 1);
    }

    @Test
    void reportsPlayAfterTheFlightEnds() {
        // TEA's flight ends at 08:30: a play at 08:40 is outside its active time, and its one owed play is kept.
        HourPlan lateTea = replacing(
                plan(ScreenType.LCD_FRAME, 8),
                2400,
                spot(2400, TEA, TEA.creatives().get(0).creative()));
        lateTea = without(lateTea, s -> s.offsetSeconds() > 2400 && s.offsetSeconds() < 2415);

        AuditReport report = audit(scheduleWith(LCD, 8, lateTea));

        assertFaults(report, "windowFaults", 1);
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("outside its active time"));
    }

    @Test
    void owesOnePlayWhenTheFlightEndsHalfWayThroughAnHourOfTwo() {
        // The correct LCD plan plays TEA once in hour 8; a second play before 08:30 is one too many.
        HourPlan twoTeas = replacing(
                plan(ScreenType.LCD_FRAME, 8),
                1200,
                spot(1200, TEA, TEA.creatives().get(0).creative()));
        twoTeas = without(twoTeas, s -> s.offsetSeconds() > 1200 && s.offsetSeconds() < 1215);

        AuditReport report = audit(scheduleWith(LCD, 8, twoTeas));

        assertFaults(report, "windowFaults", 1);
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("owes 1 plays, has 2"));
    }

    @Test
    void reportsPlayOnAScreenTheCampaignDoesNotTarget() {
        // TEA targets LCD frames only, though its creative is made for LED walls too; 07:xx is inside its flight.
        HourPlan teaOnLed = replacing(
                plan(ScreenType.LED_LARGE, 7),
                600,
                spot(600, TEA, TEA.creatives().get(0).creative()));
        teaOnLed = without(teaOnLed, s -> s.offsetSeconds() > 600 && s.offsetSeconds() < 615);

        AuditReport report = audit(scheduleWith(LED, 7, teaOnLed));

        assertFaults(report, "windowFaults", 1);
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("does not target"));
    }

    @Test
    void holdsCampaignsWithoutFrequencyToTheirFlightToo() {
        FlightWindow tomorrow =
                new FlightWindow(DAY.plusDays(1).atStartOfDay(), DAY.plusDays(2).atStartOfDay());
        Campaign tomorrowsFiller = AuditFixture.campaign(
                "fill-tomorrow",
                CampaignKind.FILLER,
                "",
                Targeting.NETWORK,
                tomorrow,
                DailyHours.ALL_DAY,
                null,
                FILL_CLIP);
        HourPlan early = replacing(LED_NINE, 20, spot(20, tomorrowsFiller, FILL_CLIP));
        List<Campaign> campaigns = new ArrayList<>(AuditFixture.CAMPAIGNS);
        campaigns.add(tomorrowsFiller);

        AuditReport report = new ScheduleAuditor()
                .audit(AuditFixture.NETWORK, campaigns, PsaPolicy.DEFAULT, scheduleWith(LED, 9, early));

        assertFaults(report, "windowFaults", 1);
    }

    @Test
    void reportsScreenDaysBelowTheirProvincesPsaShare() {
        // Per day the LED walls play 255 s of PSA to 705 s commercial (0.36); the LCD frame's TEA adds 75 s (0.33).
        PsaPolicy beijingAtAThird = new PsaPolicy(0.03, Map.of("Beijing", 0.35));

        AuditReport report = audit(AuditFixture.correctSchedule(), beijingAtAThird);

        assertFaults(report, "psaShareFaults", 1);
        assertThat(report.psaShareMin()).isCloseTo(255.0 / 780, within(1e-9));
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.screenId()).isEqualTo(LCD.id()));
    }

    @Test
    void measuresPlaysBunchedAtTheStartOfTheHourAsUneven() {
        HourPlan bunched = PlanSketch.onAir(LED_NINE.onAir(), FILLER)
                .play(0, CAR, CAR_A)
                .play(30, CAR, CAR_B)
                .play(900, SUV)
                .play(2700, PSA)
                .filled();

        AuditReport report = audit(scheduleWith(LED, 9, bunched));

        assertFaults(report);
        assertThat(report.maxCumulativeDeviation()).isGreaterThan(1.9);
    }

    @Test
    void measuresRotationAgainstTheWeightsOfTheCreativesMadeForEachType() {
        // 15 hours of two CAR plays on each LED wall; one hour playing car-a twice makes 16 of 30 on that wall and
        // 31 of 60 over both walls, against a weight share of one half.
        HourPlan onlyA = replacing(LED_NINE, 1800, spot(1800, CAR, CAR_A));

        AuditReport report = audit(scheduleWith(LED, 9, onlyA));

        assertFaults(report);
        assertThat(report.rotationMaxError()).isCloseTo(31.0 / 60 - 0.5, within(1e-9));
    }

    @Test
    void describesNoMoreFaultsThanItsLimitButCountsThemAll() {
        AuditReport report = new ScheduleAuditor(2)
                .audit(AuditFixture.NETWORK, AuditFixture.CAMPAIGNS, PsaPolicy.DEFAULT, scheduleWith(LED, 9, null));

        assertThat(report.faults()).hasSize(2);
        assertThat(report.contractedPlaysMissing()).isEqualTo(3);
    }

    private static HourPlan withCarAt(HourPlan plan, int offset) {
        HourPlan withCar = replacing(plan, offset, spot(offset, CAR, CAR_A));
        return without(withCar, s -> s.offsetSeconds() > offset && s.offsetSeconds() < offset + 15);
    }
}
