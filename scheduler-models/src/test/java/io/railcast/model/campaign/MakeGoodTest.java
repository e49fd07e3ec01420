package io.railcast.model.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MakeGoodTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 9);

    /** Dec 7 06:00 to Dec 10 12:00 in the province of Hebei, LCD screens of hubs, 2 plays an hour, 07-22. */
    private static Campaign booking() {
        Creative creative = new Creative("CR-1", 15, Set.of(ScreenType.LCD_FRAME), "m/1", "0", 1);
        return new Campaign(
                "C-1",
                "Winter tyres",
                CampaignKind.COMMERCIAL,
                "Tyres Ltd",
                "automotive",
                List.of(new WeightedCreative(creative, 1)),
                new Targeting(
                        Set.of(), Set.of("Hebei"), Set.of(), Set.of(Tier.HUB), Set.of(ScreenType.LCD_FRAME), Set.of()),
                new FlightWindow(LocalDateTime.of(2026, 12, 7, 6, 0), LocalDateTime.of(2026, 12, 10, 12, 0)),
                new DailyHours(LocalTime.of(7, 0), LocalTime.of(22, 0)),
                Optional.of(Frequency.perHour(2)),
                3,
                120_000,
                Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void isTheCampaignAtTheStationOnTheDayWithItsPlaysPerScreenAndAllElseKept() {
        Campaign made = new MakeGood("C-1", "SJZ", DAY, DAY.atTime(9, 0), 4).toCampaign(booking());

        assertThat(made.id()).isEqualTo("C-1~make-good~SJZ~2026-12-09");
        assertThat(made.targeting())
                .isEqualTo(new Targeting(
                        Set.of("SJZ"), Set.of(), Set.of(), Set.of(Tier.HUB), Set.of(ScreenType.LCD_FRAME), Set.of()));
        assertThat(made.flight())
                .isEqualTo(new FlightWindow(DAY.atTime(9, 0), DAY.plusDays(1).atStartOfDay()));
        assertThat(made.frequency()).contains(Frequency.perDay(4));
        assertThat(made.creatives()).isEqualTo(booking().creatives());
        assertThat(made.dailyHours()).isEqualTo(booking().dailyHours());
        assertThat(List.of(made.kind(), made.category(), made.priority(), made.priceCents(), made.booked()))
                .containsExactly(
                        CampaignKind.COMMERCIAL,
                        "automotive",
                        3,
                        120_000L,
                        booking().booked());
    }

    @Test
    void endsWithTheFlightOnItsLastDayAndHasTheWholeDayOfAnExtension() {
        LocalDate last = LocalDate.of(2026, 12, 10);
        assertThat(new MakeGood("C-1", "SJZ", last, last.atStartOfDay(), 1)
                        .toCampaign(booking())
                        .flight())
                .isEqualTo(new FlightWindow(last.atStartOfDay(), last.atTime(12, 0)));
        LocalDate extended = LocalDate.of(2026, 12, 12);
        assertThat(new MakeGood("C-1", "SJZ", extended, extended.atStartOfDay(), 1)
                        .toCampaign(booking())
                        .flight())
                .isEqualTo(new FlightWindow(
                        extended.atStartOfDay(), extended.plusDays(1).atStartOfDay()));
    }

    @Test
    void spotsOfAMakeGoodCountToTheCampaignItMakesGood() {
        assertThat(MakeGood.madeGoodFor("C-1~make-good~SJZ~2026-12-09")).contains("C-1");
        assertThat(MakeGood.madeGoodFor("C-1")).isEmpty();
        assertThat(MakeGood.bookingOf("C-1~make-good~SJZ~2026-12-09")).isEqualTo("C-1");
        assertThat(MakeGood.bookingOf("C-2")).isEqualTo("C-2");
    }

    @Test
    void refusesWhatIsNotAPlacement() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MakeGood("C-1", "SJZ", DAY, DAY.atStartOfDay(), 0));
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> new MakeGood("C-1", "SJZ", DAY, DAY.minusDays(1).atTime(23, 0), 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MakeGood("C-1~make-good~X~2026-12-01", "SJZ", DAY, DAY.atStartOfDay(), 1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MakeGood("C-2", "SJZ", DAY, DAY.atStartOfDay(), 1).toCampaign(booking()));
    }
}
