package io.railcast.bench.book;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.FlightWindow;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.model.network.Network;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.planning.FlightCheck;
import io.railcast.model.time.DailyHours;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The booking shapes the targets name, checked against the whole accepted book and not booked: a 12-month
 * national PSA of one play an hour, a 12-month national commercial of two plays an hour, 6 plays every 5 minutes at
 * one station for 3 months, and a 3-month province commercial of 12 an hour. They start after the 3 days a server
 * holds in its plan, as the server's whole-flight check of them would.
 */
final class LongFlights {

    /**
     * One shape's check: how long it took in the bench's process, whether it fit, and the same check by a process
     * that has decided no hour yet ({@code restartMillis}, a fresh check: a server just started without a ledger)
     * and once more by the same check ({@code warmMillis}: every hour decided before).
     */
    record Timing(String name, long millis, boolean fits, long restartMillis, long warmMillis) {}

    private LongFlights() {}

    static List<Timing> check(
            FlightCheck check,
            Supplier<FlightCheck> restarted,
            Network network,
            List<Campaign> book,
            BookOptions options) {
        LocalDate start = options.firstDay().plusDays(3);
        LocalDate horizonEnd = options.firstDay().plusMonths(options.months());
        LocalDate year = earlier(start.plusMonths(12), horizonEnd);
        LocalDate quarter = earlier(start.plusMonths(3), horizonEnd);
        Station station = network.stations().iterator().next();
        return List.of(
                time(
                        check,
                        restarted,
                        network,
                        book,
                        options,
                        "nationalYearPsa",
                        campaign(
                                "LONG-PSA",
                                CampaignKind.PUBLIC_SERVICE,
                                Targeting.NETWORK,
                                start,
                                year,
                                new Frequency.PerPeriod(1, 60),
                                15)),
                time(
                        check,
                        restarted,
                        network,
                        book,
                        options,
                        "nationalYearCommercial",
                        campaign(
                                "LONG-NAT",
                                CampaignKind.COMMERCIAL,
                                Targeting.NETWORK,
                                start,
                                year,
                                new Frequency.PerPeriod(2, 60),
                                15)),
                time(
                        check,
                        restarted,
                        network,
                        book,
                        options,
                        "stationQuarterPsa6Per5Min",
                        campaign(
                                "LONG-STA",
                                CampaignKind.PUBLIC_SERVICE,
                                Targeting.stations(station.code()),
                                start,
                                quarter,
                                new Frequency.PerPeriod(6, 5),
                                5)),
                time(
                        check,
                        restarted,
                        network,
                        book,
                        options,
                        "provinceQuarter",
                        campaign(
                                "LONG-PRO",
                                CampaignKind.COMMERCIAL,
                                Targeting.provinces(station.province()),
                                start,
                                quarter,
                                new Frequency.PerPeriod(12, 60),
                                15)));
    }

    private static Timing time(
            FlightCheck check,
            Supplier<FlightCheck> restarted,
            Network network,
            List<Campaign> book,
            BookOptions options,
            String name,
            Campaign campaign) {
        long started = System.nanoTime();
        boolean fits = check.check(network, book, campaign, options.firstDay()).isEmpty();
        long millis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        restarted.get().check(network, book, campaign, options.firstDay());
        long restartMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        check.check(network, book, campaign, options.firstDay());
        return new Timing(name, millis, fits, restartMillis, (System.nanoTime() - started) / 1_000_000);
    }

    private static Campaign campaign(
            String id,
            CampaignKind kind,
            Targeting targeting,
            LocalDate from,
            LocalDate to,
            Frequency frequency,
            int seconds) {
        Creative creative = new Creative(
                id + "-a", seconds, EnumSet.allOf(ScreenType.class), "media/" + id + ".mp4", "0".repeat(64), 1);
        return new Campaign(
                id,
                id,
                kind,
                "bench",
                "",
                List.of(new WeightedCreative(creative, 1)),
                targeting,
                new FlightWindow(from.atStartOfDay(), to.atStartOfDay()),
                DailyHours.ALL_DAY,
                Optional.of(frequency),
                50,
                kind == CampaignKind.COMMERCIAL ? 1_000_000L : 0);
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
