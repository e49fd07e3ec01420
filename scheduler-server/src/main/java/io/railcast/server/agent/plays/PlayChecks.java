package io.railcast.server.agent.plays;

import io.railcast.server.agent.AgentText;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What makes a proof-of-play record storable: every field present and sane (text as {@link AgentText} says), for
 * the calling screen, and within the days we store (not older than {@code maxAge}, not ahead of our clock by more
 * than {@code maxAhead}). Whether it counts is then the {@link SlotJudge}'s call.
 */
final class PlayChecks {

    static final int MAX_DURATION_MILLIS = 3_600_000;
    static final int MAX_NAME = 128;

    private final Duration maxAge;
    private final Duration maxAhead;

    PlayChecks(Duration maxAge, Duration maxAhead) {
        this.maxAge = maxAge;
        this.maxAhead = maxAhead;
    }

    /** The record as a play of {@code screenId}; or throws {@link IllegalArgumentException} saying why not. */
    Play check(PlayReport report, String screenId, Instant now) {
        UUID playId = playId(report.playId());
        if (report.screenId() == null) {
            throw new IllegalArgumentException("screenId is missing");
        }
        String screenProblem = AgentText.problem("screenId", report.screenId(), MAX_NAME);
        if (screenProblem != null) {
            throw new IllegalArgumentException(screenProblem);
        }
        if (!report.screenId().equals(screenId)) {
            throw new IllegalArgumentException(
                    "screenId " + report.screenId() + " is not the calling screen " + screenId);
        }
        String campaign = name("campaign", report.campaign());
        String creative = name("creative", report.creative());
        Instant startedAt = report.startedAt();
        if (startedAt == null) {
            throw new IllegalArgumentException("startedAt is missing");
        }
        if (startedAt.isAfter(now.plus(maxAhead))) {
            throw new IllegalArgumentException("startedAt " + startedAt + " is ahead of the server's clock (" + now
                    + ") by more than " + maxAhead);
        }
        if (startedAt.isBefore(now.minus(maxAge))) {
            throw new IllegalArgumentException(
                    "startedAt " + startedAt + " is older than " + maxAge.toDays() + " days");
        }
        Long duration = report.durationMillis();
        if (duration == null || duration < 0 || duration > MAX_DURATION_MILLIS) {
            throw new IllegalArgumentException(
                    "durationMillis must be between 0 and " + MAX_DURATION_MILLIS + ", got " + duration);
        }
        if (report.scheduleVersion() != null && report.scheduleVersion() < 0) {
            throw new IllegalArgumentException("scheduleVersion must not be negative");
        }
        return new Play(playId, campaign, creative, startedAt, duration.intValue(), report.scheduleVersion());
    }

    static UUID playId(@Nullable String playId) {
        if (playId == null) {
            throw new IllegalArgumentException("playId is missing");
        }
        try {
            UUID uuid = UUID.fromString(playId);
            if (!uuid.toString().equalsIgnoreCase(playId)) {
                throw new IllegalArgumentException(); // UUID.fromString accepts short groups like 1-2-3-4-5
            }
            return uuid;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("playId must be a UUID, got " + playId);
        }
    }

    private static String name(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        // a value PostgreSQL cannot store (NUL) would fail the statement storing the whole batch
        String problem = AgentText.problem(field, value, MAX_NAME);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return value;
    }
}
