package io.railcast.server.endtoend;

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
import io.railcast.server.Bookings;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The book of {@link BrokenPromiseIT}: a station of three screens in a province of its own, and four per-day
 * campaigns of 15 s spots that fill it once its hours are cut to {@value #CUT_HOURS}, each as the API books it and as
 * scheduler-models' auditor reads it. Per screen and hour of the cut day they owe 40 + 40 + 170 + 20 = 270 plays where
 * 240 fit, so 30 must go in yield order: TIN (lowest priority, and a lower price per second than BRONZE's: 60,000
 * cents for 60 × 15 s, 67 a second, against 1,200,000 for 510 × 15 s, 157) all 20 of its hour, then BRONZE's last
 * 10; GOLD and SILVER keep every play. GOLD and SILVER fly
 * three days, so their owed plays have room after the cut day (160 free plays a screen-hour); BRONZE and TIN fly
 * the cut day only.
 */
final class PromisedBook {

    /** Of every id of this book. */
    static final String PREFIX = "Y17-";

    static final String STATION = PREFIX + "S";
    static final String PROVINCE = "承诺省";
    static final String RETIRED = STATION + "-01";
    static final String WATCHED = STATION + "-02";
    static final String KILLED = STATION + "-03";
    static final String CUT_HOURS = "07:00-10:00";
    static final int OPENS = 7;
    static final String FILLER = "Y17-FILLER";
    static final String FILLER_CREATIVE = "Y17-FILL-5";

    /** A booking: its priority, price and plays a day on each screen, for {@code days} days from the cut day. */
    record Booking(String id, int priority, long priceCents, int playsPerDay, int days) {

        /** Plays a screen-hour owes once the station is open {@value #CUT_HOURS} only. */
        int playsPerCutHour() {
            return playsPerDay / 3;
        }
    }

    static final Booking GOLD = new Booking("Y17-GOLD", 9, 900_000, 120, 3);
    static final Booking SILVER = new Booking("Y17-SILVER", 5, 500_000, 120, 3);
    static final Booking BRONZE = new Booking("Y17-BRONZE", 1, 1_200_000, 510, 1);
    static final Booking TIN = new Booking("Y17-TIN", 1, 60_000, 60, 1);
    static final List<Booking> BOOKINGS = List.of(GOLD, SILVER, BRONZE, TIN);

    private PromisedBook() {}

    static Map<String, Object> station() {
        return Map.of(
                "code",
                STATION,
                "name",
                "承诺 " + STATION,
                "province",
                PROVINCE,
                "bureau",
                "承诺局",
                "tier",
                "STANDARD",
                "operatingHours",
                "00:00-00:00");
    }

    static List<Map<String, Object>> screens() {
        List<Map<String, Object>> screens = new ArrayList<>();
        for (String id : List.of(RETIRED, WATCHED, KILLED)) {
            screens.add(Map.of("id", id, "station", STATION, "type", "LCD_FRAME", "zone", "waiting-hall"));
        }
        return screens;
    }

    /** The booking as the API takes it: from {@code day} at the hour the cut station opens. */
    static Map<String, Object> payload(Booking booking, LocalDate day) {
        Map<String, Object> campaign = new LinkedHashMap<>(Bookings.commercial(booking.id(), STATION, "1/h", day));
        campaign.put("frequency", booking.playsPerDay() + "/day");
        campaign.put("priority", booking.priority());
        campaign.put("priceCents", booking.priceCents());
        campaign.put("flight", Map.of("start", start(day) + "", "end", end(booking, day) + ""));
        return campaign;
    }

    /** A filler of the station's own, so that no screen-hour shows dead air. */
    static Map<String, Object> filler(LocalDate day) {
        Map<String, Object> filler = new LinkedHashMap<>(Bookings.commercial(FILLER, STATION, "1/h", day));
        filler.put("kind", "FILLER");
        filler.remove("frequency");
        filler.put("priceCents", 0);
        filler.put("creatives", List.of(Map.of("id", FILLER_CREATIVE, "weight", 1)));
        return filler;
    }

    /** The station as it is once cut, with the screens still in service: what the auditor checks. */
    static Network cutNetwork(ZoneId zone) {
        Station station = new Station(
                STATION, "承诺 " + STATION, PROVINCE, "承诺局", Tier.STANDARD, zone, DailyHours.parse(CUT_HOURS));
        List<Screen> screens = List.of(
                new Screen(WATCHED, STATION, ScreenType.LCD_FRAME, "waiting-hall", LoopPolicy.STANDARD),
                new Screen(KILLED, STATION, ScreenType.LCD_FRAME, "waiting-hall", LoopPolicy.STANDARD));
        return new Network(List.of(station), screens);
    }

    /** The booking as the auditor reads it. */
    static Campaign campaign(Booking booking, LocalDate day) {
        return new Campaign(
                booking.id(),
                "测试 " + booking.id(),
                CampaignKind.COMMERCIAL,
                "Integration tests",
                "",
                List.of(new WeightedCreative(creative(Bookings.CREATIVE, 15), 1)),
                Targeting.stations(STATION),
                new FlightWindow(start(day), end(booking, day)),
                DailyHours.ALL_DAY,
                Optional.of(new Frequency.PerDay(booking.playsPerDay())),
                booking.priority(),
                booking.priceCents());
    }

    static Campaign fillerCampaign(LocalDate day) {
        return new Campaign(
                FILLER,
                "测试 " + FILLER,
                CampaignKind.FILLER,
                "Integration tests",
                "",
                List.of(new WeightedCreative(creative(FILLER_CREATIVE, 5), 1)),
                Targeting.stations(STATION),
                new FlightWindow(day.atStartOfDay(), day.plusDays(10).atStartOfDay()),
                DailyHours.ALL_DAY,
                Optional.empty(),
                0,
                0);
    }

    private static Creative creative(String id, int seconds) {
        return new Creative(
                id, seconds, Set.of(ScreenType.LED_LARGE, ScreenType.LCD_FRAME, ScreenType.TV_SET), "", "", 1);
    }

    private static LocalDateTime start(LocalDate day) {
        return day.atTime(OPENS, 0);
    }

    private static LocalDateTime end(Booking booking, LocalDate day) {
        return day.plusDays(booking.days()).atStartOfDay();
    }
}
