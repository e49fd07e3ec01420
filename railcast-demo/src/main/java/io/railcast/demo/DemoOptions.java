package io.railcast.demo;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate. Defaults ({@link #defaults()}): seed 20250901, 500 stations, 5,600 screens, 300 campaigns and a
 * horizon of 7 days from Monday 1 September 2025.
 *
 * @param seed      the same seed and options always give the same scenario
 * @param stations  how many stations; at least 1, at most the number of station names the generator knows (1,600+)
 * @param screens   exactly how many screens; at least one per station
 * @param campaigns exactly how many campaigns of all kinds; 0 or more
 * @param firstDay  the first day of the planning horizon, local to the stations
 * @param days      the length of the horizon in days, 1 to 31 (capacity is kept for every screen-hour of it);
 *                  flights are drawn around it
 */
public record DemoOptions(long seed, int stations, int screens, int campaigns, LocalDate firstDay, int days) {

    public static final long DEFAULT_SEED = 20250901L;

    public DemoOptions {
        Objects.requireNonNull(firstDay, "firstDay");
        if (stations < 1) {
            throw new IllegalArgumentException("stations must be at least 1, got " + stations);
        }
        if (screens < stations) {
            throw new IllegalArgumentException(
                    "screens must be at least one per station, got " + screens + " for " + stations + " stations");
        }
        if (campaigns < 0) {
            throw new IllegalArgumentException("campaigns must not be negative, got " + campaigns);
        }
        if (days < 1 || days > 31) {
            throw new IllegalArgumentException("days must be between 1 and 31, got " + days);
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_SEED, 500, 5_600, 300, LocalDate.of(2025, 9, 1), 7);
    }

    public DemoOptions withSeed(long newSeed) {
        return new DemoOptions(newSeed, stations, screens, campaigns, firstDay, days);
    }

    public DemoOptions withNetwork(int newStations, int newScreens) {
        return new DemoOptions(seed, newStations, newScreens, campaigns, firstDay, days);
    }

    public DemoOptions withCampaigns(int newCampaigns) {
        return new DemoOptions(seed, stations, screens, newCampaigns, firstDay, days);
    }

    public DemoOptions withHorizon(LocalDate newFirstDay, int newDays) {
        return new DemoOptions(seed, stations, screens, campaigns, newFirstDay, newDays);
    }
}
