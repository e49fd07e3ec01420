package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.network.ScreenType;
import io.railcast.model.planning.DecidedHours;
import io.railcast.model.planning.FlightCheck;
import io.railcast.model.planning.StationHourShortfall;
import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import io.railcast.server.network.NetworkCatalog;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The ledger of decided hours in PostgreSQL: what a whole-flight check decided is written, read back by another
 * reader (another instance, or this one after a restart: both start from an empty ledger and read the table), and a
 * check answered from what was read back solves nothing and answers the same.
 */
class HourLedgerIT extends ServerIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    @Autowired
    private PlanningService planning;

    @Autowired
    private PlanningConfiguration.Planners planners;

    @Autowired
    private HourLedger ledger;

    @Autowired
    private HourLedgerStore store;

    @Autowired
    private NetworkCatalog catalog;

    @Autowired
    private Clock clock;

    @BeforeEach
    void ready() {
        Bookings.ensureCreative(admin(), sql());
        planning.ready().block(TIMEOUT);
    }

    private DecidedHours emptyLedger() {
        return new DecidedHours(
                planners.decided().revision(), planners.decided().capacity(), clock);
    }

    @Test
    void aCheckThroughTheApiWritesWhatItDecidedForEveryReader() {
        ledger.write().block(TIMEOUT);
        long decidedBefore = planners.decided().decidedCount();
        long rowsBefore = count("hour_decision");
        String station = Bookings.stations(sql()).get(5);

        as("planner")
                .post()
                .uri("/api/v1/campaigns/availability")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial(
                        "LEDGER-API", station, "4/h", Bookings.today().plusDays(20)))
                .exchange()
                .expectStatus()
                .isOk();
        long decided = planners.decided().decidedCount() - decidedBefore;
        ledger.write().block(TIMEOUT);
        long rows = count("hour_decision");
        DecidedHours second = emptyLedger();
        long read = ledger.readInto(second).block(TIMEOUT);

        assertThat(decided).as("hours the check solved past the plan").isPositive();
        // each holds the new campaign, so each is a new row (other work of the server may add more)
        assertThat(rows).isGreaterThanOrEqualTo(rowsBefore + decided);
        assertThat(read).as("read back by another reader").isGreaterThanOrEqualTo(rows);
        assertThat(second.size()).isEqualTo((int) read);
    }

    @Test
    void aCheckAfterARestartAnswersFromTheLedgerAndSolvesNothing() {
        Network network = catalog.load().block(TIMEOUT);
        String station = Bookings.stations(sql()).get(6);
        LocalDate first = Bookings.today().plusDays(30);
        List<Campaign> book = List.of(heavy("LEDGER-1", station, first), heavy("LEDGER-2", station, first));
        Campaign third = heavy("LEDGER-3", station, first);
        DecidedHours before = emptyLedger();
        List<StationHourShortfall> answer =
                new FlightCheck(planners.check(), before).check(network, book, third, first);
        List<DecidedHours.Row> made = before.drainUnsaved();
        store.save(made).block(TIMEOUT);

        DecidedHours restarted = emptyLedger();
        ledger.readInto(restarted).block(TIMEOUT);
        List<StationHourShortfall> again =
                new FlightCheck(planners.check(), restarted).check(network, book, third, first);

        assertThat(answer).as("three campaigns of 1,380 s an hour do not fit").isNotEmpty();
        assertThat(again).isEqualTo(answer);
        assertThat(restarted.decidedCount())
                .as("hours solved after the restart")
                .isZero();
        assertThat(restarted.found()).isEqualTo(made.size());
        assertThat(store.recent(Integer.MAX_VALUE).collectList().block(TIMEOUT)).containsAll(made);
    }

    /** Two plays of 690 s an hour for five days: three such campaigns ask more of an hour than it has. */
    private static Campaign heavy(String id, String station, LocalDate first) {
        Creative creative = new Creative(
                id + "-a", 690, EnumSet.allOf(ScreenType.class), "media/" + id + ".mp4", "0".repeat(64), 1);
        return new Campaign(
                id,
                id,
                CampaignKind.COMMERCIAL,
                "ledger",
                "",
                List.of(new WeightedCreative(creative, 1)),
                Targeting.stations(station),
                new FlightWindow(first.atStartOfDay(), first.plusDays(5).atStartOfDay()),
                io.railcast.model.time.DailyHours.ALL_DAY,
                Optional.of(Frequency.perHour(2)),
                50,
                1_000_000L);
    }
}
