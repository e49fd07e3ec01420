package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Draws commercial bookings the way an operator's sales team writes them. */
final class CommercialDrafts {

    /** How far a booking reaches. */
    enum Reach {
        NATIONAL,
        REGIONAL,
        CITY,
        STATION
    }

    /** What is sold: where, and how often. */
    record Deal(Reach reach, Frequency frequency) {
        Deal(Reach reach, String frequency) {
            this(reach, Frequency.parse(frequency));
        }
    }

    /** Every kind a realistic mix must show; drawn first, while the network still has room for all of them. */
    static final List<Deal> SAMPLER = List.of(
            new Deal(Reach.NATIONAL, "12/h"),
            new Deal(Reach.NATIONAL, "4/h"),
            new Deal(Reach.REGIONAL, "1/h"),
            new Deal(Reach.REGIONAL, "2/h"),
            new Deal(Reach.REGIONAL, "4/h"),
            new Deal(Reach.REGIONAL, "20/day"),
            new Deal(Reach.CITY, "2/h"),
            new Deal(Reach.STATION, "1/h"),
            new Deal(Reach.STATION, "2/h"),
            new Deal(Reach.STATION, "4/h"),
            new Deal(Reach.STATION, "12/h"),
            new Deal(Reach.STATION, "6/5min"),
            new Deal(Reach.STATION, "20/day"));

    private static final List<Reach> REACHES = List.of(Reach.values());
    private static final List<String> HOURLY = List.of("1/h", "2/h", "4/h", "12/h");

    /** Where a booking plays and what its name calls the place. */
    private record Scope(Targeting targeting, String label) {}

    private final Market market;
    private final Flights flights;
    private final Creatives creatives;
    private final Dice dice;

    CommercialDrafts(Market market, Flights flights, Creatives creatives, Dice dice) {
        this.market = market;
        this.flights = flights;
        this.creatives = creatives;
        this.dice = dice;
    }

    /** The {@code n}-th booking of the mix (from 0): the sampler first, then drawn at the market's rates. */
    Campaign draft(String id, int n) {
        return draft(id, n < SAMPLER.size() ? SAMPLER.get(n) : drawDeal());
    }

    Campaign draft(String id, Deal deal) {
        Advertisers.Advertiser advertiser = Advertisers.draw(dice);
        Scope scope = scope(deal.reach());
        boolean perDay = deal.frequency() instanceof Frequency.PerDay;
        // Six plays in every 5 minutes is a sponsorship of short idents; longer spots would crowd the loop.
        boolean idents = deal.frequency() instanceof Frequency.PerPeriod p && p.periodMinutes() < 60;
        int seconds = idents ? 5 : creatives.commercialLength();
        List<WeightedCreative> rotation =
                creatives.rotation(id, typesOf(scope.targeting()), seconds, creatives.rotationWeights());
        int priority = switch (deal.reach()) {
            case NATIONAL -> dice.between(8, 10);
            case REGIONAL -> dice.between(5, 8);
            case CITY -> dice.between(4, 7);
            case STATION -> dice.between(1, 6);
        };
        String name = advertiser.name() + "·" + dice.pick(advertiser.themes()) + " " + scope.label();
        return new Campaign(
                id,
                name,
                CampaignKind.COMMERCIAL,
                advertiser.name(),
                advertiser.category(),
                rotation,
                scope.targeting(),
                perDay ? flights.wholeDays() : flights.commercial(),
                perDay ? flights.perDayHours() : flights.commercialHours(),
                Optional.of(deal.frequency()),
                priority,
                0);
    }

    private Deal drawDeal() {
        Reach reach = dice.pick(REACHES, 3, 33, 6, 58);
        String frequency = switch (reach) {
            case NATIONAL -> dice.pick(List.of("12/h", "4/h"), 40, 60);
            case REGIONAL -> dice.chance(0.1) ? perDay(20, 30, 40) : dice.pick(HOURLY.subList(0, 3), 35, 30, 25);
            case CITY -> dice.pick(List.of("2/h", "4/h", "12/h"), 40, 40, 20);
            case STATION ->
                switch (dice.weighted(80, 8, 12)) {
                    case 0 -> dice.pick(HOURLY, 20, 22, 24, 14);
                    case 1 -> "6/5min";
                    default -> perDay(20, 30, 50);
                };
        };
        return new Deal(reach, frequency);
    }

    private String perDay(int... plays) {
        return plays[dice.between(0, plays.length - 1)] + "/day";
    }

    private Scope scope(Reach reach) {
        return switch (reach) {
            case NATIONAL ->
                dice.chance(0.6)
                        ? new Scope(Targeting.NETWORK.withTiers(Tier.HUB, Tier.MAJOR), "全国枢纽及重点站")
                        : new Scope(Targeting.NETWORK, "全国高铁网");
            case REGIONAL -> regional();
            case CITY -> market.multiStationCities().isEmpty() ? station() : city();
            case STATION -> station();
        };
    }

    private Scope regional() {
        Scope scope;
        int shape = dice.weighted(45, 25, 30);
        String province = dice.pick(market.provinces());
        if (shape == 0 || (shape == 1 && market.provinces().size() < 2)) {
            scope = new Scope(Targeting.provinces(province), province);
        } else if (shape == 1) {
            List<String> partners = market.neighbours(province);
            List<String> others =
                    market.provinces().stream().filter(p -> !p.equals(province)).toList();
            String second = dice.pick(partners.isEmpty() ? others : partners);
            scope = new Scope(Targeting.provinces(province, second), province + "+" + second);
        } else {
            String bureau = dice.pick(market.bureaus());
            scope = new Scope(Targeting.bureaus(bureau), bureau + "管内");
        }
        // Every station has frames in its waiting hall, so narrowing a region to them never leaves it empty.
        return dice.chance(0.1)
                ? new Scope(scope.targeting().withZones(ScreenPlanner.WAITING_HALL), scope.label() + " 候车厅")
                : scope;
    }

    private Scope city() {
        List<Station> stations = dice.pick(market.multiStationCities());
        Set<String> codes = Set.copyOf(stations.stream().map(Station::code).toList());
        return new Scope(
                Targeting.NETWORK.withStations(codes),
                market.cityOf(stations.get(0)).name() + "全市高铁站");
    }

    private Scope station() {
        Station station = market.popularStation(dice);
        Targeting targeting = Targeting.stations(station.code());
        if (market.has(station, ScreenType.LED_LARGE) && dice.chance(0.15)) {
            return new Scope(targeting.withScreenTypes(ScreenType.LED_LARGE), station.name() + " LED大屏");
        }
        if (dice.chance(0.1)) {
            return new Scope(targeting.withZones(ScreenPlanner.WAITING_HALL), station.name() + " 候车厅");
        }
        return new Scope(targeting, station.name());
    }

    private static Set<ScreenType> typesOf(Targeting targeting) {
        return targeting.screenTypes().isEmpty()
                ? EnumSet.allOf(ScreenType.class)
                : EnumSet.copyOf(targeting.screenTypes());
    }
}
