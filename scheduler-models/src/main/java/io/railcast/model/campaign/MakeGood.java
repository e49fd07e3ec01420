package io.railcast.model.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Plays placed to make good what a campaign is owed: {@code playsPerScreen} extra plays on every screen the campaign
 * targets at {@code station}, on the local day {@code day} from {@code from}. The planner sees it as a campaign of its
 * own ({@link #toCampaign}): the original's creatives, category, daily hours, priority, price and booking instant,
 * its targeting narrowed to the station (the same screens there), a flight of that day (from {@code from}) and a frequency of
 * {@code playsPerScreen} a day. So the whole-flight check and the solver treat it as any booking, and its spots carry
 * an id that {@link #madeGoodFor} tells from a booking's: ids of bookings never contain {@value #MARK}.
 *
 * @param campaignId     the campaign made good
 * @param station        the station's code
 * @param day            the local day the plays are placed on
 * @param from           when on that day they may start (the day's start, or later for a placement made that day)
 * @param playsPerScreen extra plays on each targeted screen of the station that day, positive
 */
public record MakeGood(String campaignId, String station, LocalDate day, LocalDateTime from, int playsPerScreen) {

    /** Separates the parts of a make-good's campaign id; never part of a booking's id. */
    public static final String MARK = "~make-good~";

    public MakeGood {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(from, "from");
        if (campaignId.contains(MARK) || station.contains("~")) {
            throw new IllegalArgumentException(
                    "a make-good is of a booking at a station: " + campaignId + ", " + station);
        }
        if (!from.toLocalDate().equals(day)) {
            throw new IllegalArgumentException("a make-good of " + day + " starts that day, not at " + from);
        }
        if (playsPerScreen <= 0) {
            throw new IllegalArgumentException("a make-good places plays, got " + playsPerScreen + " per screen");
        }
    }

    /** The id its plays carry in plans: one per campaign, station and day. */
    public String id() {
        return id(campaignId, station, day);
    }

    public static String id(String campaignId, String station, LocalDate day) {
        return campaignId + MARK + station + '~' + day;
    }

    /** The campaign a spot's campaign id makes good; empty for a booking's own spots. */
    public static Optional<String> madeGoodFor(String spotCampaignId) {
        int mark = spotCampaignId.indexOf(MARK);
        return mark < 0 ? Optional.empty() : Optional.of(spotCampaignId.substring(0, mark));
    }

    /** The booking whose plays a spot counts to: the campaign made good, or the spot's own campaign. */
    public static String bookingOf(String spotCampaignId) {
        return madeGoodFor(spotCampaignId).orElse(spotCampaignId);
    }

    /**
     * The make-good as the planner plans it, made from {@code original} (the campaign made good, contracted).
     * Past the original's flight (a flight extended by the campaign's policy) the make-good has the whole day.
     */
    public Campaign toCampaign(Campaign original) {
        if (!original.id().equals(campaignId) || !original.isContracted()) {
            throw new IllegalArgumentException(
                    "make-good " + id() + " is made from its contracted campaign, got " + original.id());
        }
        LocalDateTime start = from;
        LocalDateTime end = day.plusDays(1).atStartOfDay();
        if (original.flight().overlaps(start, end)) {
            start = later(start, original.flight().start());
            end = original.flight().end().isBefore(end) ? original.flight().end() : end;
        }
        return new Campaign(
                id(),
                original.name() + " (make-good)",
                original.kind(),
                original.owner(),
                original.category(),
                original.creatives(),
                atStation(original.targeting()),
                new FlightWindow(start, end),
                original.dailyHours(),
                Optional.of(new Frequency.PerDay(playsPerScreen)),
                original.priority(),
                original.priceCents(),
                original.booked());
    }

    /** The same screens of the station: its places replaced by the station, the filters kept. */
    private Targeting atStation(Targeting targeting) {
        return new Targeting(
                Set.of(station), Set.of(), Set.of(), targeting.tiers(), targeting.screenTypes(), targeting.zones());
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
