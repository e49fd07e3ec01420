package io.railcast.server.planning;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.MakeGood;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlanningBookTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 9);

    private static Campaign campaign(String id, CampaignKind kind, Optional<Frequency> frequency) {
        Creative creative = new Creative("CR-" + id, 15, Set.of(ScreenType.LCD_FRAME), "m/1", "0", 1);
        return new Campaign(
                id,
                id,
                kind,
                "owner",
                "",
                List.of(new WeightedCreative(creative, 1)),
                Targeting.stations("HZD"),
                new FlightWindow(LocalDateTime.of(2026, 12, 7, 0, 0), LocalDateTime.of(2026, 12, 14, 0, 0)),
                DailyHours.ALL_DAY,
                frequency,
                0,
                1000);
    }

    @Test
    void plansTheMakeGoodsOfActiveContractedCampaignsBesideThemAndNoOthers() {
        Campaign booked = campaign("C-1", CampaignKind.COMMERCIAL, Optional.of(Frequency.perHour(2)));
        Campaign psaWithoutFrequency = campaign("PSA-1", CampaignKind.PUBLIC_SERVICE, Optional.empty());
        MakeGood ofBooked = new MakeGood("C-1", "HZD", DAY, DAY.atStartOfDay(), 3);
        MakeGood ofPaused = new MakeGood("C-9", "HZD", DAY, DAY.atStartOfDay(), 3);
        MakeGood ofUncontracted = new MakeGood("PSA-1", "HZD", DAY, DAY.atStartOfDay(), 3);

        List<Campaign> planned =
                PlanningBook.with(List.of(booked, psaWithoutFrequency), List.of(ofBooked, ofPaused, ofUncontracted));

        assertThat(planned).containsExactly(booked, psaWithoutFrequency, ofBooked.toCampaign(booked));
    }
}
