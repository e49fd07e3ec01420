package io.railcast.model.audit;

import static io.railcast.model.audit.AuditFixture.DAY;
import static io.railcast.model.audit.AuditFixture.FILLER;
import static io.railcast.model.audit.AuditFixture.LED;
import static io.railcast.model.audit.AuditFixture.PSA;
import static io.railcast.model.audit.AuditFixture.SUV;
import static io.railcast.model.audit.AuditFixture.plan;
import static io.railcast.model.audit.AuditFixture.scheduleWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.schedule.HourPlan;
import io.railcast.model.schedule.NetworkSchedule;
import io.railcast.model.schedule.Spot;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChurnTest {

    private static final HourPlan LED_NINE = plan(ScreenType.LED_LARGE, 9);

    private final ScheduleAuditor auditor = new ScheduleAuditor();

    @Test
    void findsNoChurnBetweenAScheduleAndItself() {
        NetworkSchedule schedule = AuditFixture.correctSchedule();

        assertThat(auditor.churn(schedule, schedule)).isEqualTo(Churn.NONE);
    }

    @Test
    void findsNoChurnWhenPlansAreEqualButNotTheSameObjects() {
        HourPlan copy = new HourPlan(LED_NINE.onAir(), new ArrayList<>(LED_NINE.spots()));

        assertThat(auditor.churn(AuditFixture.correctSchedule(), scheduleWith(LED, 9, copy)))
                .isEqualTo(Churn.NONE);
    }

    @Test
    void countsOneScreenOneHourAndOneSpotWhenOneSpotChanges() {
        Spot other = PlanSketch.spot(20, FILLER, AuditFixture.creative("fill-b", 5, ScreenType.LED_LARGE));
        HourPlan changed = PlanSketch.replacing(LED_NINE, 20, other);

        Churn churn = auditor.churn(AuditFixture.correctSchedule(), scheduleWith(LED, 9, changed));

        assertThat(churn).isEqualTo(new Churn(1, 1, 1, 0));
    }

    @Test
    void countsBothSpotsWhenTwoSwapPlaces() {
        HourPlan swapped = PlanSketch.onAir(LED_NINE.onAir(), FILLER)
                .play(0, AuditFixture.CAR, AuditFixture.CAR_A)
                .play(900, PSA)
                .play(1800, AuditFixture.CAR, AuditFixture.CAR_B)
                .play(2700, SUV)
                .filled();

        assertThat(auditor.churn(AuditFixture.correctSchedule(), scheduleWith(LED, 9, swapped)))
                .isEqualTo(new Churn(1, 1, 2, 1)); // the car spot and the PSA: one of them commercial
    }

    @Test
    void countsAScreenOnceHoweverManyOfItsHoursChange() {
        NetworkSchedule.Builder next = NetworkSchedule.builder(DAY, 1);
        for (Screen screen : AuditFixture.NETWORK.screens()) {
            for (int hour = 6; hour <= 22; hour++) {
                HourPlan plan = plan(screen.type(), hour);
                next.put(screen.id(), DAY, hour, screen == LED && hour < 9 ? withoutFirstSpot(plan) : plan);
            }
        }

        Churn churn = auditor.churn(AuditFixture.correctSchedule(), next.build());

        // Hours 6, 7 and 8 lose a spot: they changed, but no spot of theirs is new.
        assertThat(churn).isEqualTo(new Churn(1, 3, 0, 0));
    }

    @Test
    void comparesOnlyTheDatesBothSchedulesCover() {
        // Each schedule plays something else on the date the other does not cover; on DAY they agree.
        NetworkSchedule previous = twoDays(DAY.minusDays(1));
        NetworkSchedule next = twoDays(DAY);

        assertThat(auditor.churn(previous, next)).isEqualTo(Churn.NONE);
    }

    /** LED's plans over two days: the correct ones on DAY, and on the other date PSA where filler plays at 20 s. */
    private static NetworkSchedule twoDays(LocalDate first) {
        NetworkSchedule.Builder builder = NetworkSchedule.builder(first, 2);
        for (LocalDate date : List.of(first, first.plusDays(1))) {
            for (int hour = 6; hour <= 22; hour++) {
                HourPlan plan = plan(ScreenType.LED_LARGE, hour);
                builder.put(
                        LED.id(),
                        date,
                        hour,
                        date.equals(DAY)
                                ? plan
                                : PlanSketch.replacing(
                                        plan,
                                        20,
                                        PlanSketch.spot(
                                                20,
                                                PSA,
                                                FILLER.creatives().get(0).creative())));
            }
        }
        return builder.build();
    }

    private static HourPlan withoutFirstSpot(HourPlan plan) {
        return new HourPlan(plan.onAir(), plan.spots().subList(1, plan.spots().size()));
    }
}
