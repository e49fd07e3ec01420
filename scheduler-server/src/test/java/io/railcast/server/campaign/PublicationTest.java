package io.railcast.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.server.system.ApiProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PublicationTest {

    @Test
    void publishesUrgentlyAtTheInstantOfPublicationByDefault() {
        assertThat(Publication.of(null)).isEqualTo(new Publication(null, true));
        assertThat(Publication.of(Instant.now().minusSeconds(10).toString())).isEqualTo(new Publication(null, true));
    }

    @Test
    void publishesAtAFutureInstantWithoutUrgency() {
        Instant later = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(Publication.of(later.toString())).isEqualTo(new Publication(later, false));
    }

    @Test
    void refusesThePastAndWhatIsNoInstant() {
        assertThatThrownBy(() -> Publication.of(Instant.now().minus(1, ChronoUnit.HOURS).toString()))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("effectiveAt");
        assertThatThrownBy(() -> Publication.of("next tuesday"))
                .isInstanceOf(ApiProblem.class).hasMessageContaining("effectiveAt");
    }
}
