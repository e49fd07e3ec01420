package io.railcast.demo;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.time.DailyHours;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Draws public-service bookings as the operator takes them: some with a guaranteed frequency (a province for
 * months, a big station for three weeks, one station every five minutes, a network-wide charity week), the rest as a
 * national pool of short spots that fills the PSA share of every screen.
 */
final class PublicServiceDrafts {

    private static final Set<ScreenType> ALL_TYPES = EnumSet.allOf(ScreenType.class);
    private static final Set<String> MUNICIPALITIES = Set.of("北京", "天津", "上海", "重庆");
    private static final Set<String> AUTONOMOUS_REGIONS = Set.of("内蒙古", "广西", "新疆");
    private static final List<String> POOL_THEMES = List.of(
            "文明乘车",
            "光盘行动",
            "防范电信网络诈骗",
            "垃圾分类",
            "禁毒宣传",
            "无偿献血",
            "关爱留守儿童",
            "节约用水",
            "绿色出行",
            "尊老爱幼",
            "保护野生动物",
            "网络文明",
            "家庭家教家风",
            "全民健身",
            "志愿服务",
            "生态文明",
            "诚实守信",
            "移风易俗");
    private static final List<String> POOL_OWNERS = List.of("中央文明办", "国家广播电视总局", "国铁集团宣传部");
    private static final List<List<Integer>> POOL_LENGTHS =
            List.of(List.of(5, 15), List.of(10, 15), List.of(5, 10, 15), List.of(15), List.of(5, 10));

    /** After the first four: provinces twice as often as stations. */
    private static final int[] LATER_SHAPES = {0, 1, 0, 2};

    private final Market market;
    private final Flights flights;
    private final Creatives creatives;
    private final Dice dice;
    /** Provinces and hubs take turns, so that none gets a second guaranteed PSA before all have one. */
    private final List<String> provinceTurns;

    private final List<Station> hubTurns;
    private int provinceTurn;
    private int hubTurn;

    PublicServiceDrafts(Market market, Flights flights, Creatives creatives, Dice dice) {
        this.market = market;
        this.flights = flights;
        this.creatives = creatives;
        this.dice = dice;
        this.provinceTurns = dice.shuffled(market.provinces());
        this.hubTurns = dice.shuffled(market.hubs());
    }

    /** The {@code n}-th PSA with a guaranteed frequency (from 0); the charity week comes once, fourth. */
    Campaign guaranteed(String id, int n) {
        int shape = n < 4 ? n : LATER_SHAPES[(n - 4) % LATER_SHAPES.length];
        return switch (shape) {
            case 0 -> province(id);
            case 1 -> bigStation(id);
            case 2 -> everyFiveMinutes(id);
            default -> charityWeek(id);
        };
    }

    /** A national pool spot without frequency: short versions for every screen type. */
    Campaign pool(String id) {
        String theme = dice.pick(POOL_THEMES);
        List<WeightedCreative> rotation = creatives.lengths(id, ALL_TYPES, dice.pick(POOL_LENGTHS));
        return psa(
                id,
                "公益·" + theme,
                dice.pick(POOL_OWNERS),
                rotation,
                Targeting.NETWORK,
                flights.around(dice.between(30, 200), dice.between(30, 300)),
                Optional.empty(),
                dice.between(3, 5));
    }

    private Campaign province(String id) {
        String province = provinceTurns.get(provinceTurn++ % provinceTurns.size());
        return psa(
                id,
                "公益·讲文明树新风 " + province,
                provinceOffice(province),
                standardSpot(id),
                Targeting.provinces(province),
                flights.around(dice.between(20, 60), dice.between(60, 150)),
                Optional.of(Frequency.parse("1/h")),
                6);
    }

    private Campaign bigStation(String id) {
        Station station = hubTurns.get(hubTurn++ % hubTurns.size());
        int before = dice.between(0, 14);
        return psa(
                id,
                "公益·文明旅游 " + station.name(),
                cityOffice(station),
                standardSpot(id),
                Targeting.stations(station.code()),
                flights.around(before, 21 - before),
                Optional.of(Frequency.parse("2/h")),
                6);
    }

    private Campaign everyFiveMinutes(String id) {
        Station station = market.popularStation(dice);
        int before = dice.between(0, 10);
        List<WeightedCreative> rotation = creatives.rotation(id, ALL_TYPES, 5, 1);
        return psa(
                id,
                "公益·防范电信诈骗 " + station.name(),
                cityOffice(station),
                rotation,
                Targeting.stations(station.code()),
                flights.around(before, dice.between(14, 42) - before),
                Optional.of(Frequency.parse("6/5min")),
                6);
    }

    private Campaign charityWeek(String id) {
        return psa(
                id,
                "中华慈善日公益周",
                "铁路公益基金会",
                standardSpot(id),
                Targeting.NETWORK,
                flights.charityWeek(),
                Optional.of(Frequency.parse("2/h")),
                7);
    }

    private List<WeightedCreative> standardSpot(String id) {
        return creatives.rotation(id, ALL_TYPES, 15, 1);
    }

    private static Campaign psa(
            String id,
            String name,
            String owner,
            List<WeightedCreative> rotation,
            Targeting targeting,
            FlightWindow flight,
            Optional<Frequency> frequency,
            int priority) {
        return new Campaign(
                id,
                name,
                CampaignKind.PUBLIC_SERVICE,
                owner,
                "",
                rotation,
                targeting,
                flight,
                DailyHours.ALL_DAY,
                frequency,
                priority,
                0);
    }

    private static String provinceOffice(String province) {
        String level = MUNICIPALITIES.contains(province) ? "市" : AUTONOMOUS_REGIONS.contains(province) ? "自治区" : "省";
        return province + level + "文明办";
    }

    private String cityOffice(Station station) {
        return market.cityOf(station).name() + "市文明办";
    }
}
