package io.railcast.server.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dashboard's under-delivery alerts, from plays the screens really reported. */
class DeliveryAlertIT extends ServerIntegrationTest {

    @Test
    void listsACampaignPlayedShortAndNotOnePlayedInFull() {
        String station = Bookings.stations(sql()).get(11);
        Bookings.playedShort(admin(), as("planner"), anonymous, sql(), station, "ALR-LOW", "ALR-OK");

        List<DeliveryAlert> alerts = as("csr").get().uri("/api/v1/delivery/alerts").exchange()
                .expectStatus().isOk()
                .expectBodyList(DeliveryAlert.class).returnResult().getResponseBody();
        assertThat(alerts).isNotNull();
        DeliveryAlert low = alerts.stream().filter(a -> a.campaign().equals("ALR-LOW")).findFirst().orElseThrow();
        assertThat(low.kind()).isEqualTo("under-played");
        assertThat(low.name()).isEqualTo("测试 ALR-LOW");
        assertThat(low.played()).isEqualTo(1);
        assertThat(low.scheduled()).isEqualTo(3);
        assertThat(low.shortBy()).isEqualTo(2);
        assertThat(alerts).extracting(DeliveryAlert::campaign).doesNotContain("ALR-OK");
        anonymous.get().uri("/api/v1/delivery/alerts").exchange().expectStatus().isUnauthorized();
    }
}
