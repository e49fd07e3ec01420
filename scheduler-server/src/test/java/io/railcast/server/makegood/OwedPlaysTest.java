package io.railcast.server.makegood;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How a past station-day's delivery figures are put down to the causes of what is owed. */
class OwedPlaysTest {

    @Test
    void oweContractedLessPlayedShortfallFirstThenTakeoverThenNotPlayed() {
        // 10 contracted, 8 placed, 3 played in full, 2 displaced by a takeover: 7 owed
        assertThat(OwedPlays.of(10, 8, 3, 2, 1)).isEqualTo(new OwedPlays(2, 2, 3, 1));
        assertThat(OwedPlays.of(10, 8, 3, 2, 1).total()).isEqualTo(7);
    }

    @Test
    void aDayPlayedInFullOwesNothingWhateverElseHappened() {
        assertThat(OwedPlays.of(10, 10, 10, 0, 0)).isEqualTo(OwedPlays.NONE);
        // a takeover counted lost plays, yet the screens played the contract (plays beyond the schedule count)
        assertThat(OwedPlays.of(10, 8, 12, 3, 0)).isEqualTo(OwedPlays.NONE);
    }

    @Test
    void playsPlayedAfterAShortfallReduceTheOtherCausesFirst() {
        // 4 could not be placed; of the 6 placed 5 played: 5 owed, 4 of them the shortfall
        assertThat(OwedPlays.of(10, 6, 5, 0, 0)).isEqualTo(new OwedPlays(4, 0, 1, 0));
        // 2 played of 6 placed, of which 3 were displaced: 4 shortfall + 3 takeover + 1 not played
        assertThat(OwedPlays.of(10, 6, 2, 3, 0)).isEqualTo(new OwedPlays(4, 3, 1, 0));
    }

    @Test
    void aTakeoverNeverAccountsForMoreThanWasOwed() {
        // lost counts spots the takeover overlapped; only those not played are owed
        assertThat(OwedPlays.of(10, 10, 9, 5, 0)).isEqualTo(new OwedPlays(0, 1, 0, 0));
    }

    @Test
    void owedPlaysAreNeverNegative() {
        assertThatThrownBy(() -> new OwedPlays(-1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OwedPlays(0, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
