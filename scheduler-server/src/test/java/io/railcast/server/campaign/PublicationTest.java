package io.railcast.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PublicationTest {

    /** The server's clock, which need not be the machine's. */
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Test
    void publishesUrgentlyAtTheInstantOfPublicationByDefault() {
        assertThat(Publication.of(null, NOW)).isEqualTo(new Publication(null, true));
        assertThat(Publication.of(NOW.minusSeconds(10).toString(), NOW)).isEqualTo(new Publication(null, true));
    }

    @Test
    void publishesAtAFutureInstantWithoutUrgency() {
        Instant later = NOW.plus(1, ChronoUnit.DAYS);
        assertThat(Publication.of(later.toString(), NOW)).isEqualTo(new Publication(later, false));
    }

    @Test
    void refusesThePastAndWhatIsNoInstant() {
        assertThatThrownBy(() -> Publication.of(NOW.minus(1, ChronoUnit.HOURS).toString(), NOW))
                .isInstanceOf(CampaignRefusal.InvalidPublication.class)
                .hasMessageContaining("effectiveAt");
        assertThatThrownBy(() -> Publication.of("next tuesday", NOW))
                .isInstanceOf(CampaignRefusal.InvalidPublication.class)
                .hasMessageContaining("effectiveAt");
    }
}
