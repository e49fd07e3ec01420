package io.railcast.server.campaign;

import io.railcast.server.system.TextRules;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * When agents should switch to the version that carries a change: urgently, at the instant it is published, by
 * default ({@code effectiveAt} null), or at a future instant the request names
 * ({@code ?effectiveAt=2026-11-25T00:00:00Z}).
 */
record Publication(@Nullable Instant effectiveAt, boolean urgent) {

    /** How far in the past an effectiveAt may lie and still mean "now" (clocks of clients differ a little). */
    private static final Duration SKEW = Duration.ofMinutes(1);
    /** How far ahead a change may be dated: a version that takes effect later than this is a typing mistake. */
    private static final Duration MAX_AHEAD = Duration.ofDays(400);

    /** {@code effectiveAt} as the client sent it, judged against {@code now} (the server's clock). */
    static Publication of(@Nullable String effectiveAt, Instant now) {
        if (effectiveAt == null || effectiveAt.isBlank()) {
            return new Publication(null, true);
        }
        Instant at;
        try {
            at = Instant.parse(effectiveAt.strip());
        } catch (DateTimeParseException e) {
            throw invalid(
                    "effectiveAt must be an instant like 2026-11-25T00:00:00Z, got " + TextRules.quote(effectiveAt));
        }
        if (at.isBefore(now.minus(SKEW))) {
            throw invalid("effectiveAt must not lie in the past, got " + at);
        }
        if (at.isAfter(now.plus(MAX_AHEAD))) {
            throw invalid("effectiveAt must lie within " + MAX_AHEAD.toDays() + " days from now, got " + at);
        }
        return at.isAfter(now) ? new Publication(at, false) : new Publication(null, true);
    }

    private static CampaignRefusal invalid(String message) {
        return new CampaignRefusal.InvalidPublication(message);
    }
}
