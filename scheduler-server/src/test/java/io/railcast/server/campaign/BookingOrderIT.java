package io.railcast.server.campaign;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import io.railcast.server.planning.CampaignBook;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The planner learns when each campaign was booked, its last key when plays must yield. */
class BookingOrderIT extends ServerIntegrationTest {

    @Autowired
    private CampaignBook book;

    @Test
    void givesThePlannerEveryCampaignWithTheInstantItWasBooked() {
        Bookings.ensureCreative(admin(), sql());
        String station = Bookings.stations(sql()).get(0);
        for (String id : new String[] {"CAMP-ORDER-1", "CAMP-ORDER-2"}) {
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(commercial(id, station, "1/h"))
                    .exchange()
                    .expectStatus()
                    .isCreated();
        }

        var active = book.active().block(Duration.ofSeconds(30));

        assertThat(active).isNotNull();
        Instant first = booked(active, "CAMP-ORDER-1");
        Instant second = booked(active, "CAMP-ORDER-2");
        assertThat(first).isEqualTo(createdAt("CAMP-ORDER-1"));
        assertThat(second).isEqualTo(createdAt("CAMP-ORDER-2")).isAfter(first);
    }

    private static Instant booked(java.util.List<Campaign> campaigns, String id) {
        return campaigns.stream()
                .filter(c -> c.id().equals(id))
                .findFirst()
                .orElseThrow()
                .booked();
    }

    private Instant createdAt(String id) {
        return sql().queryForObject("select created_at from campaign where id = ?", OffsetDateTime.class, id)
                .toInstant();
    }
}
