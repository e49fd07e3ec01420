package io.railcast.model.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A network of five stations in two provinces, small enough to plan weeks of in a test. */
final class SmallNetwork {

    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    static final Station NANJING_SOUTH = station("NKH", "南京南站", "江苏", Tier.HUB, "05:30-00:30");
    static final Station SUZHOU_NORTH = station("OHH", "苏州北站", "江苏", Tier.MAJOR, "06:00-23:30");
    static final Station WUXI_EAST = station("WGH", "无锡东站", "江苏", Tier.STANDARD, "06:30-22:00");
    static final Station HANGZHOU_EAST = station("HGH", "杭州东站", "浙江", Tier.HUB, "05:30-00:30");
    static final Station NINGBO = station("NGH", "宁波站", "浙江", Tier.STANDARD, "06:00-22:00");

    static final Network NETWORK = network();

    private SmallNetwork() {}

    private static Station station(String code, String name, String province, Tier tier, String hours) {
        String bureau = "上海局";
        return new Station(code, name, province, bureau, tier, Station.CHINA, DailyHours.parse(hours));
    }

    private static Network network() {
        List<Station> stations = List.of(NANJING_SOUTH, SUZHOU_NORTH, WUXI_EAST, HANGZHOU_EAST, NINGBO);
        List<Screen> screens = new ArrayList<>();
        for (Station station : stations) {
            screens.add(new Screen(
                    station.code() + "-lcd-1",
                    station.code(),
                    ScreenType.LCD_FRAME,
                    "waiting-hall",
                    LoopPolicy.STANDARD));
            screens.add(new Screen(
                    station.code() + "-lcd-2",
                    station.code(),
                    ScreenType.LCD_FRAME,
                    "ticket-hall",
                    LoopPolicy.STANDARD));
            screens.add(new Screen(
                    station.code() + "-led-1",
                    station.code(),
                    ScreenType.LED_LARGE,
                    "concourse",
                    new LoopPolicy(600, 5)));
        }
        return new Network(stations, screens);
    }

    static Creative creative(String id, int seconds) {
        return new Creative(
                id, seconds, EnumSet.allOf(ScreenType.class), "media/" + id + ".mp4", "0".repeat(64), 1_000_000);
    }

    static Campaign campaign(
            String id,
            CampaignKind kind,
            Targeting targeting,
            LocalDateTime from,
            LocalDateTime to,
            Frequency frequency,
            int seconds) {
        return new Campaign(
                id,
                id,
                kind,
                "owner",
                "",
                List.of(new WeightedCreative(creative(id + "-a", seconds), 1)),
                targeting,
                new FlightWindow(from, to),
                DailyHours.ALL_DAY,
                Optional.ofNullable(frequency),
                0,
                0);
    }

    /** Station information loops for every screen, all the time: what fills the hour. */
    static Campaign filler() {
        return everywhereAllYear(
                "filler",
                "车站信息",
                CampaignKind.FILLER,
                List.of(
                        new WeightedCreative(creative("info-30", 30), 1),
                        new WeightedCreative(creative("info-15", 15), 1),
                        new WeightedCreative(creative("info-10", 10), 1),
                        new WeightedCreative(creative("info-5", 5), 1)));
    }

    /** A campaign without a frequency for every screen, all day, from a year before {@link #MONDAY} to a year after. */
    static Campaign everywhereAllYear(String id, String name, CampaignKind kind, List<WeightedCreative> rotation) {
        return new Campaign(
                id,
                name,
                kind,
                "operator",
                "",
                rotation,
                Targeting.NETWORK,
                new FlightWindow(
                        MONDAY.minusYears(1).atStartOfDay(), MONDAY.plusYears(1).atStartOfDay()),
                DailyHours.ALL_DAY,
                Optional.empty(),
                0,
                0);
    }

    /** A pool of PSAs without a guaranteed frequency, which supplies the PSA share. */
    static Campaign psaPool() {
        return campaign(
                "psa-pool",
                CampaignKind.PUBLIC_SERVICE,
                Targeting.NETWORK,
                MONDAY.minusYears(1).atStartOfDay(),
                MONDAY.plusYears(1).atStartOfDay(),
                null,
                10);
    }

    static Set<String> screensOf(Station station) {
        Set<String> ids = new java.util.HashSet<>();
        NETWORK.screensAt(station.code()).forEach(s -> ids.add(s.id()));
        return ids;
    }
}
