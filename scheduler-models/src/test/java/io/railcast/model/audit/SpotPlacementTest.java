package io.railcast.model.audit;

import static io.railcast.model.audit.AuditAssertions.assertFaults;
import static io.railcast.model.audit.AuditFixture.CAR;
import static io.railcast.model.audit.AuditFixture.CAR_A;
import static io.railcast.model.audit.AuditFixture.CAR_B;
import static io.railcast.model.audit.AuditFixture.CAR_FRAME;
import static io.railcast.model.audit.AuditFixture.DAY;
import static io.railcast.model.audit.AuditFixture.FILLER;
import static io.railcast.model.audit.AuditFixture.FILL_CLIP;
import static io.railcast.model.audit.AuditFixture.LED;
import static io.railcast.model.audit.AuditFixture.LED_TWIN;
import static io.railcast.model.audit.AuditFixture.PSA;
import static io.railcast.model.audit.AuditFixture.SUV;
import static io.railcast.model.audit.AuditFixture.audit;
import static io.railcast.model.audit.AuditFixture.plan;
import static io.railcast.model.audit.AuditFixture.scheduleWith;
import static io.railcast.model.audit.PlanSketch.replacing;
import static io.railcast.model.audit.PlanSketch.spot;
import static io.railcast.model.audit.PlanSketch.with;
import static io.railcast.model.audit.PlanSketch.without;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.ScreenHour;
import io.railcast.model.schedule.Spot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the spots of a plan sit in their hour and what media they play, one broken plan at a time. */
class SpotPlacementTest {

    private static final HourPlan LED_NINE = plan(ScreenType.LED_LARGE, 9);

    @Test
    void reportsOverlappingSpots() {
        HourPlan doubled = with(LED_NINE, spot(20, FILLER, FILL_CLIP));

        AuditReport report = audit(scheduleWith(LED, 9, doubled));

        assertFaults(report, "overlaps", 1);
        assertThat(report.faults()).singleElement().satisfies(fault -> {
            assertThat(fault.kind()).isEqualTo(AuditFault.Kind.OVERLAP);
            assertThat(fault.screenId()).isEqualTo(LED.id());
            assertThat(fault.hour()).isEqualTo(9);
        });
    }

    @Test
    void countsAFaultOfASharedPlanOncePerScreenHourThatPlaysIt() {
        HourPlan doubled = with(LED_NINE, spot(20, FILLER, FILL_CLIP));
        Map<ScreenHour, HourPlan> changes = Map.of(
                new ScreenHour(LED.id(), DAY, 9), doubled,
                new ScreenHour(LED_TWIN.id(), DAY, 9), doubled);

        assertFaults(audit(AuditFixture.schedule(changes)), "overlaps", 2);
    }

    @Test
    void reportsSameCategoryBackToBackWithinAnHour() {
        // SUV moves from :15 to right after the CAR spot at 0 s: both automotive.
        HourPlan suvAfterCar = PlanSketch.onAir(LED_NINE.onAir(), FILLER)
                .play(0, CAR, CAR_A)
                .play(15, SUV)
                .play(1800, CAR, CAR_B)
                .play(2700, PSA)
                .filled();

        assertFaults(audit(scheduleWith(LED, 9, suvAfterCar)), "separationFaults", 1);
    }

    @Test
    void reportsSameCategoryBackToBackAcrossTheEndOfAnHour() {
        // SUV closes hour 9 at 3600 s and CAR opens hour 10 at 0 s.
        HourPlan suvClosing = PlanSketch.onAir(LED_NINE.onAir(), FILLER)
                .play(0, CAR, CAR_A)
                .play(1800, CAR, CAR_B)
                .play(2700, PSA)
                .play(3585, SUV)
                .filled();

        AuditReport report = audit(scheduleWith(LED, 9, suvClosing));

        assertFaults(report, "separationFaults", 1);
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.hour()).isEqualTo(10));
    }

    @Test
    void reportsCreativeMadeForAnotherScreenType() {
        HourPlan frameOnWall = replacing(LED_NINE, 0, spot(0, CAR, CAR_FRAME));

        AuditReport report = audit(scheduleWith(LED, 9, frameOnWall));

        assertFaults(report, "creativeFaults", 1);
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("not made for"));
    }

    @Test
    void reportsCreativeOfAnotherCampaignAndCampaignsNobodyBooked() {
        HourPlan borrowed = replacing(LED_NINE, 0, spot(0, SUV, CAR_A));
        HourPlan unbooked = replacing(borrowed, 1800, new Spot(1800, 15, "ghost", "car-b", CampaignKind.COMMERCIAL));

        AuditReport report = audit(scheduleWith(LED, 9, unbooked));

        // Both CAR plays are gone (one now claims SUV, which makes SUV one play over), and the ghost is no campaign.
        assertFaults(report, "creativeFaults", 2, "contractedPlaysMissing", 2, "windowFaults", 1);
    }

    @Test
    void reportsSpotThatLastsOtherThanItsCreative() {
        HourPlan stretched = replacing(LED_NINE, 20, new Spot(20, 10, FILLER.id(), FILL_CLIP.id(), FILLER.kind()));
        stretched = without(stretched, s -> s.offsetSeconds() == 25);

        assertFaults(audit(scheduleWith(LED, 9, stretched)), "creativeFaults", 1);
    }

    @Test
    void reportsDeadAir() {
        HourPlan gap = without(LED_NINE, s -> s.offsetSeconds() == 20);

        AuditReport report = audit(scheduleWith(LED, 9, gap));

        assertFaults(report, "deadAirSeconds", 5);
        assertThat(report.faults())
                .singleElement()
                .satisfies(f -> assertThat(f.detail()).contains("[20,25)"));
    }

    @Test
    void takesAnOnAirHourWithoutAPlanForDeadAirAndMissingPlays() {
        AuditReport report = audit(scheduleWith(LED, 9, null));

        assertFaults(report, "deadAirSeconds", 3600, "contractedPlaysMissing", 3);
    }

    @Test
    void reportsAPlanForAnHourTheStationIsClosed() {
        assertFaults(audit(scheduleWith(LED, 23, plan(ScreenType.LED_LARGE, 22))), "overlaps", 1);
    }

    @Test
    void reportsScreensTheNetworkDoesNotHave() {
        NetworkSchedule.Builder builder = NetworkSchedule.builder(DAY, 1);
        for (Screen screen : AuditFixture.NETWORK.screens()) {
            for (int hour = 6; hour <= 22; hour++) {
                builder.put(screen.id(), DAY, hour, plan(screen.type(), hour));
            }
        }
        builder.put("bjn-led-9", DAY, 9, LED_NINE);

        assertFaults(audit(builder.build()), "unknownScreens", 1);
    }
}
