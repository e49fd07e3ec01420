package io.railcast.server.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.server.system.ApiProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class PublicationTest {

    @Test
    void publishesNowAndUrgentlyByDefault() {
        Publication now = Publication.of(null);
        assertThat(now.urgent()).isTrue();
        assertThat(Duration.between(now.effectiveAt(), Instant.now())).isLessThan(Duration.ofSeconds(5));
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
