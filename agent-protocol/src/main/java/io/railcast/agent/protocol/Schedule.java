package io.railcast.agent.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One answer of {@code GET /agent/v1/schedule}: what this screen plays from {@code from} to {@code to}, in version
 * {@code version}, to be used from {@code effectiveAt}. Hours absent from {@code hours} are dark; {@code fallback}
 * names the filler plan played once the horizon has run out. {@code media} is keyed by creative. {@code takeovers}
 * are the emergency takeovers covering the screen that were not over when the answer was made (their media is
 * their own, not in {@code media}: a takeover is shown without waiting for the rest of the schedule).
 *
 * <p>A schedule is checked whole when built: every hour names a known plan, every spot's creative has a media file.
 * An incoherent schedule is refused rather than half played.
 */
public record Schedule(
        String screenId,
        long version,
        Instant effectiveAt,
        ZoneId zone,
        Instant from,
        Instant to,
        List<ScheduledHour> hours,
        Map<String, HourPlan> plans,
        Map<String, MediaFile> media,
        String fallback,
        List<Takeover> takeovers) {

    /** A schedule with no takeover. */
    public Schedule(
            String screenId,
            long version,
            Instant effectiveAt,
            ZoneId zone,
            Instant from,
            Instant to,
            List<ScheduledHour> hours,
            Map<String, HourPlan> plans,
            Map<String, MediaFile> media,
            String fallback) {
        this(screenId, version, effectiveAt, zone, from, to, hours, plans, media, fallback, List.of());
    }

    public Schedule {
        requireNonNull(screenId, "screenId");
        requireNonNull(effectiveAt, "effectiveAt");
        requireNonNull(zone, "zone");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        requireNonNull(fallback, "fallback");
        hours = List.copyOf(hours);
        takeovers = List.copyOf(takeovers);
        plans = Map.copyOf(plans);
        media = Collections.unmodifiableMap(new LinkedHashMap<>(media));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("horizon from " + from + " to " + to + " is empty");
        }
        if (!plans.containsKey(fallback)) {
            throw new IllegalArgumentException("fallback plan " + fallback + " is not among the plans");
        }
        Instant previous = null;
        for (ScheduledHour hour : hours) {
            if (!plans.containsKey(hour.plan())) {
                throw new IllegalArgumentException("hour " + hour.start() + " names unknown plan " + hour.plan());
            }
            if (previous != null && hour.start().isBefore(previous.plus(Duration.ofHours(1)))) {
                throw new IllegalArgumentException(
                        "hour " + hour.start() + " is out of order or overlaps the one" + " before");
            }
            previous = hour.start();
        }
        for (HourPlan plan : plans.values()) {
            for (Spot spot : plan.spots()) {
                if (!media.containsKey(spot.creative())) {
                    throw new IllegalArgumentException("creative " + spot.creative() + " has no media file");
                }
            }
        }
    }

    public HourPlan fallbackPlan() {
        return plans.get(fallback);
    }

    /** The digests of every file this schedule needs: the set that must be present before it may be played. */
    public Set<String> digests() {
        Set<String> digests = new LinkedHashSet<>();
        media.values().forEach(file -> digests.add(file.sha256()));
        return digests;
    }
}
