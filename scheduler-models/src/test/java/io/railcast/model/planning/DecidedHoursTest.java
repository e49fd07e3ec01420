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
import io.railcast.model.solver.HourSolver;
import io.railcast.model.solver.SolvedHour;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecidedHoursTest {

    private static final LocalDate AFTER_THE_PLAN = MONDAY.plusDays(3);
    private static final Clock CLOCK = Clock.fixed(MONDAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    private final NetworkPlanner planner = new NetworkPlanner(new HourSolver(1), PsaPolicy.DEFAULT, 2);

    private static Campaign heavy(String id) {
        return campaign(
                id,
                CampaignKind.COMMERCIAL,
                Targeting.stations("WGH"),
                MONDAY.plusDays(10).atStartOfDay(),
                MONDAY.plusDays(20).atStartOfDay(),
                Frequency.perHour(2),
                690);
    }

    private DecidedHours ledger(int capacity) {
        return new DecidedHours(planner.decisionRevision(), capacity, CLOCK);
    }

    @Test
    void aCheckAfterARestartReadsEveryDecisionBackAndSolvesNothing() {
        DecidedHours before = ledger(100_000);
        List<Campaign> book = List.of(heavy("first"), heavy("second"));
        List<StationHourShortfall> first =
                new FlightCheck(planner, before).check(NETWORK, book, heavy("third"), AFTER_THE_PLAN);
        List<DecidedHours.Row> stored = before.drainUnsaved();
        assertThat(first).isNotEmpty();
        assertThat(stored).hasSize((int) before.decidedCount()).isNotEmpty();
        assertThat(before.drainUnsaved()).as("drained once").isEmpty();

        // another process: the rows as stored, read back into a new ledger
        DecidedHours after = ledger(100_000);
        stored.forEach(after::load);
        List<StationHourShortfall> again =
                new FlightCheck(planner, after).check(NETWORK, book, heavy("third"), AFTER_THE_PLAN);

        assertThat(again).isEqualTo(first);
        assertThat(after.decidedCount()).as("solved after the restart").isZero();
        assertThat(after.found()).isEqualTo(stored.size());
        assertThat(after.drainUnsaved())
                .as("uses on the day they were made are not written again")
                .isEmpty();
    }

    @Test
    void dropsTheDecisionUsedLongestAgoPastItsCapacity() {
        DecidedHours ledger = ledger(2);
        SolvedHour whole = HourDecision.decode("0||");
        HourKey a = new HourKey(1, 1);
        HourKey b = new HourKey(2, 2);
        HourKey c = new HourKey(3, 3);
        ledger.load(new DecidedHours.Row(a, "0||", MONDAY.minusDays(9)));
        ledger.load(new DecidedHours.Row(b, "0||", MONDAY.minusDays(1)));
        assertThat(ledger.find(a)).isEqualTo(whole);

        ledger.decided(c, whole);

        assertThat(ledger.size()).isEqualTo(2);
        assertThat(ledger.find(b)).as("used longest ago").isNull();
        assertThat(ledger.find(a)).isNotNull();
        assertThat(ledger.drainUnsaved())
                .as("a's use today and c's decision")
                .containsExactlyInAnyOrder(
                        new DecidedHours.Row(a, "0||", MONDAY), new DecidedHours.Row(c, "0||", MONDAY));
    }

    @Test
    void refusesALedgerOfAnotherSolverRevision() {
        DecidedHours ledger = new DecidedHours(new HourSolver(300).revision(), 10, CLOCK);

        assertThat(new HourSolver(1).revision()).isNotEqualTo(ledger.revision());
        assertThatThrownBy(() -> new FlightCheck(planner, ledger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps=300");
    }
}
