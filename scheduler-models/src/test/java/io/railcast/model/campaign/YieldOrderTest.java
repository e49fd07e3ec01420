package io.railcast.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class YieldOrderTest {

    private static final Instant EARLY = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant LATE = Instant.parse("2026-11-20T00:00:00Z");

    /** A week at 12 plays an hour of {@code seconds}-second spots. */
    private static Campaign booking(String id, int seconds, int priority, long priceCents, Instant booked) {
        Creative creative = new Creative(id + "-a", seconds, Set.of(ScreenType.LCD_FRAME), "m/" + id, "0", 1);
        return new Campaign(
                id,
                id,
                CampaignKind.COMMERCIAL,
                "owner",
                "",
                List.of(new WeightedCreative(creative, 1)),
                Targeting.NETWORK,
                new FlightWindow(LocalDateTime.of(2026, 12, 7, 0, 0), LocalDateTime.of(2026, 12, 14, 0, 0)),
                DailyHours.ALL_DAY,
                Optional.of(Frequency.perHour(12)),
                priority,
                priceCents,
                booked);
    }

    private static List<String> firstToYield(Campaign... campaigns) {
        List<Campaign> sorted = new ArrayList<>(List.of(campaigns));
        sorted.sort(YieldOrder.FIRST_TO_YIELD);
        return sorted.stream().map(Campaign::id).toList();
    }

    @Test
    void lowestPriorityYieldsFirstWhateverItPays() {
        assertThat(firstToYield(booking("rich", 30, 1, 9_000_000, EARLY), booking("poor", 5, 2, 1, LATE)))
                .containsExactly("rich", "poor");
    }

    @Test
    void thenTheLowestPricePerSecondNotTheLowestPrice() {
        // One price, but 30 s spots buy six times the airtime of 5 s spots: each second is cheaper.
        Campaign longSpots = booking("long-spots", 30, 5, 100_000, EARLY);
        Campaign shortSpots = booking("short-spots", 5, 5, 100_000, LATE);
        assertThat(YieldOrder.pricePerSecond(longSpots)).isLessThan(YieldOrder.pricePerSecond(shortSpots));
        assertThat(firstToYield(shortSpots, longSpots)).containsExactly("long-spots", "short-spots");
    }

    @Test
    void thenTheLatestBookedAndAProposalIsLatestOfAll() {
        Campaign early = booking("early", 15, 5, 100_000, EARLY);
        Campaign late = booking("late", 15, 5, 100_000, LATE);
        Campaign proposal = booking("proposal", 15, 5, 100_000, null);
        assertThat(firstToYield(early, late, proposal)).containsExactly("proposal", "late", "early");
    }

    @Test
    void pricePerSecondCountsEveryPlayOfTheFlight() {
        // 12 plays an hour, 24 hours, 7 days, 10 s each: 20,160 s for 201,600 cents.
        assertThat(YieldOrder.pricePerSecond(booking("c", 10, 0, 201_600, EARLY)))
                .isEqualTo(10.0);
    }
}
