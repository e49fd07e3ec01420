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

/**
 * The booking shapes the targets name, checked against the whole accepted book and not booked: a 12-month
 * national PSA of one play an hour, a 12-month national commercial of two plays an hour, 6 plays every 5 minutes at
 * one station for 3 months, and a 3-month province commercial of 12 an hour. They start after the 3 days a server
 * holds in its plan, as the server's whole-flight check of them would.
 */
final class LongFlights {

    /** One of the shapes: its name in the figures, and the campaign checked. */
    record Shape(String name, Campaign campaign) {}

    /**
     * One shape's check: how long it took in the bench's process and whether it fit; the same check again by the
     * same check ({@code warmMillis}: every hour decided before); and by a check just started
     * ({@code restartMillis}: a server started with no ledger) and by one started with the ledger the bench's checks
     * wrote, read back ({@code restartLedgerMillis}: a server restarted after deciding these hours).
     */
    record Timing(
            String name, long millis, boolean fits, long warmMillis, long restartMillis, long restartLedgerMillis) {}

    private LongFlights() {}

    static List<Shape> shapes(Network network, BookOptions options) {
        LocalDate start = options.firstDay().plusDays(3);
        LocalDate horizonEnd = options.firstDay().plusMonths(options.months());
        LocalDate year = earlier(start.plusMonths(12), horizonEnd);
        LocalDate quarter = earlier(start.plusMonths(3), horizonEnd);
        Station station = network.stations().iterator().next();
        return List.of(
                new Shape(
                        "nationalYearPsa",
                        campaign(
                                "LONG-PSA",
                                CampaignKind.PUBLIC_SERVICE,
                                Targeting.NETWORK,
                                start,
                                year,
                                new Frequency.PerPeriod(1, 60),
                                15)),
                new Shape(
                        "nationalYearCommercial",
                        campaign(
                                "LONG-NAT",
                                CampaignKind.COMMERCIAL,
                                Targeting.NETWORK,
                                start,
                                year,
                                new Frequency.PerPeriod(2, 60),
                                15)),
                new Shape(
                        "stationQuarterPsa6Per5Min",
                        campaign(
                                "LONG-STA",
                                CampaignKind.PUBLIC_SERVICE,
                                Targeting.stations(station.code()),
                                start,
                                quarter,
                                new Frequency.PerPeriod(6, 5),
                                5)),
                new Shape(
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

    /** The shape checked by {@code check}, then again by the same check. */
    static Timing time(FlightCheck check, Network network, List<Campaign> book, BookOptions options, Shape shape) {
        long started = System.nanoTime();
        boolean fits =
                check.check(network, book, shape.campaign(), options.firstDay()).isEmpty();
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new Timing(shape.name(), millis, fits, millis(check, network, book, options, shape), 0, 0);
    }

    /** How long {@code check} takes on the shape. */
    static long millis(FlightCheck check, Network network, List<Campaign> book, BookOptions options, Shape shape) {
        long started = System.nanoTime();
        check.check(network, book, shape.campaign(), options.firstDay());
        return (System.nanoTime() - started) / 1_000_000;
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
