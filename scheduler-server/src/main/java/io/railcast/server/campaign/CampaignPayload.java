package io.railcast.server.campaign;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Targeting;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A campaign as the API takes and shows it, and as the {@code campaign} table keeps it (column {@code body}).
 * Creatives are named by id; times are local to each station.
 *
 * @param id         optional when creating: C-000001, … is given when absent
 * @param name       what planners call it; the id when absent
 * @param kind       COMMERCIAL, PUBLIC_SERVICE or FILLER (any case)
 * @param owner      the advertiser or department
 * @param category   exclusive category ("telecom"): never back to back with another spot of it; none when absent
 * @param creatives  the rotation: creative ids with weights (1 when absent)
 * @param targeting  places (stations, provinces, bureaus; none = whole network) and filters (tiers, screenTypes,
 *                   zones)
 * @param flight     local date-times, minute precision, end exclusive: {"start": "2026-11-24T06:00", ...}
 * @param dailyHours "HH:mm-HH:mm", may cross midnight; all day when absent
 * @param frequency  "12/h", "6/5min" or "20/day"; required for commercial, absent for fillers and unguaranteed PSAs
 * @param priority   higher first among campaigns of one kind; 0 when absent
 * @param priceCents the contract value, for reports; 0 when absent
 * @param makeGoods  ON, OFF or EXTEND ({@link MakeGoodPolicy}); ON for a commercial campaign when absent, else OFF
 * @param makeGoodDays with EXTEND alone: the days the flight may be extended by for make-goods (1-92)
 */
record CampaignPayload(
        @Nullable String id,
        @Nullable String name,
        @Nullable String kind,
        @Nullable String owner,
        @Nullable String category,
        @Nullable List<CreativeRef> creatives,
        @Nullable TargetingPayload targeting,
        @Nullable FlightPayload flight,
        @Nullable String dailyHours,
        @Nullable String frequency,
        @Nullable Integer priority,
        @Nullable Long priceCents,
        @Nullable String makeGoods,
        @Nullable Integer makeGoodDays) {

    /** A creative in the rotation, by id; a creative of weight 2 plays twice as often as one of weight 1. */
    record CreativeRef(@Nullable String id, @Nullable Integer weight) {}

    record TargetingPayload(
            @Nullable List<String> stations,
            @Nullable List<String> provinces,
            @Nullable List<String> bureaus,
            @Nullable List<String> tiers,
            @Nullable List<String> screenTypes,
            @Nullable List<String> zones) {

        static TargetingPayload of(Targeting targeting) {
            return new TargetingPayload(
                    sorted(targeting.stations()),
                    sorted(targeting.provinces()),
                    sorted(targeting.bureaus()),
                    sorted(targeting.tiers().stream().map(Enum::name).toList()),
                    sorted(targeting.screenTypes().stream().map(Enum::name).toList()),
                    sorted(targeting.zones()));
        }
    }

    record FlightPayload(@Nullable String start, @Nullable String end) {}

    /** The normal form of a valid campaign and its make-good policy: what is stored and shown. */
    static CampaignPayload of(Campaign campaign, MakeGoodPolicy makeGoods) {
        return new CampaignPayload(
                campaign.id(),
                campaign.name(),
                campaign.kind().name(),
                campaign.owner(),
                campaign.category(),
                campaign.creatives().stream()
                        .map(c -> new CreativeRef(c.creative().id(), c.weight()))
                        .toList(),
                TargetingPayload.of(campaign.targeting()),
                new FlightPayload(
                        campaign.flight().start().toString(),
                        campaign.flight().end().toString()),
                campaign.dailyHours().toString(),
                campaign.frequency().map(Object::toString).orElse(null),
                campaign.priority(),
                campaign.priceCents(),
                makeGoods.mode().name(),
                makeGoods.extendDays());
    }

    private static List<String> sorted(Collection<String> values) {
        return values.stream().sorted().toList();
    }
}
