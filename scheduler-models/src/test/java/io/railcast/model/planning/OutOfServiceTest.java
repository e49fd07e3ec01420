package io.railcast.model.planning;

import static io.railcast.model.planning.SmallNetwork.MONDAY;
import static io.railcast.model.planning.SmallNetwork.NETWORK;
import static io.railcast.model.planning.SmallNetwork.campaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.Network;
import io.railcast.model.network.OutOfService;
import io.railcast.model.network.Station;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The planner plans nothing on a screen while it is out of service, and says which contracted plays that costs. */
class OutOfServiceTest {

    private static final String SCREEN = "NKH-lcd-1";
    private static final String TWIN = "NKH-lcd-2";

    private final NetworkPlanner planner = new NetworkPlanner(PsaPolicy.DEFAULT);

    private static List<Campaign> bookings() {
        return List.of(
                SmallNetwork.filler(),
                campaign(
                        "national",
                        CampaignKind.COMMERCIAL,
                        Targeting.NETWORK,
                        MONDAY.atStartOfDay(),
                        MONDAY.plusWeeks(4).atStartOfDay(),
                        Frequency.perHour(12),
                        15));
    }

    /** 10:00 to 12:00 on Monday, Nanjing time. */
    private static OutOfService maintenance() {
        return new OutOfService(at(10), at(12));
    }

    private static Instant at(int hour) {
        return MONDAY.atTime(hour, 0).atZone(Station.CHINA).toInstant();
    }

    @Test
    void aScreenOutOfServiceHasNoPlanInTheHoursItIsOffAir() {
        Network network = NETWORK.withOutOfService(Set.of(SCREEN), maintenance());
        PlanResult plan = planner.plan(network, bookings(), MONDAY, 1);
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 10)).isEmpty();
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 11)).isEmpty();
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 9)).isPresent();
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 12)).isPresent();
        assertThat(plan.schedule().planFor(TWIN, MONDAY, 10))
                .as("its twin stays on air")
                .isPresent();
    }

    @Test
    void anHourThePeriodOnlyTouchesIsOffAirToo() {
        OutOfService lateStart = new OutOfService(at(10).plusSeconds(1800), at(11));
        PlanResult plan = planner.plan(NETWORK.withOutOfService(Set.of(SCREEN), lateStart), bookings(), MONDAY, 1);
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 10)).isEmpty();
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 11)).isPresent();
    }

    @Test
    void aRetiredScreenIsOffAirFromThenOn() {
        Network network = NETWORK.withOutOfService(Set.of(SCREEN), OutOfService.retired(at(20)));
        PlanResult plan = planner.plan(network, bookings(), MONDAY, 2);
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 19)).isPresent();
        assertThat(plan.schedule().planFor(SCREEN, MONDAY, 20)).isEmpty();
        assertThat(plan.schedule().planFor(SCREEN, MONDAY.plusDays(1), 12)).isEmpty();
    }

    @Test
    void lostPlaysNameTheContractedPlaysOfTheHoursOffAirPerCampaign() {
        PlanResult before = planner.plan(NETWORK, bookings(), MONDAY, 1);
        PlanResult after = planner.plan(NETWORK.withOutOfService(Set.of(SCREEN), maintenance()), bookings(), MONDAY, 1);
        List<LostPlays.ForCampaign> lost = LostPlays.between(before, after, Set.of(SCREEN));
        assertThat(lost)
                .containsExactly(new LostPlays.ForCampaign("national", 2 * 12, 1, MONDAY, MONDAY))
                .as("the filler is not contracted");
    }

    @Test
    void noPlaysAreLostWhenNothingChanges() {
        PlanResult plan = planner.plan(NETWORK, bookings(), MONDAY, 1);
        assertThat(LostPlays.between(plan, plan, Set.of(SCREEN, TWIN))).isEmpty();
    }

    @Test
    void aPeriodMustEndAfterItStartsAndNameAKnownScreen() {
        assertThatThrownBy(() -> new OutOfService(at(12), at(10))).hasMessageStartingWith("until");
        assertThatThrownBy(() -> NETWORK.withOutOfService(Set.of("nowhere"), maintenance()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
