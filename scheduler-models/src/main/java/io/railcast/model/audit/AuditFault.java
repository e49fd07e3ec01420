package io.railcast.model.audit;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One fault an audit found, for people to read.
 *
 * @param kind       which figure of the {@link AuditReport} it counts towards
 * @param screenId   the screen; for {@link Kind#UNKNOWN_SCREEN} the id the schedule names
 * @param date       the local date; null for {@link Kind#UNKNOWN_SCREEN}
 * @param hour       the local clock hour, or -1 for faults of a whole screen or screen-day
 * @param campaignId the campaign at fault, or empty
 * @param detail     what is wrong, in words
 */
public record AuditFault(Kind kind, String screenId, LocalDate date, int hour, String campaignId, String detail) {

    public AuditFault {
        Objects.requireNonNull(kind, "kind");
        campaignId = campaignId == null ? "" : campaignId;
        detail = detail == null ? "" : detail;
    }

    /** The figure a fault counts towards. */
    public enum Kind {
        /** Spots that overlap, a spot outside the on-air range, or a plan for an off-air hour. */
        OVERLAP,
        /** A play outside its campaign's active time, on a screen it does not target, or beyond what a window owes. */
        WINDOW,
        /** Fewer plays than a window owes. */
        MISSING_PLAY,
        /** Two spots of one exclusive category back to back. */
        SEPARATION,
        /** A creative that is not the campaign's, not made for the screen, or a campaign nobody booked. */
        CREATIVE,
        /** On-air time that no spot covers. */
        DEAD_AIR,
        /** A screen-day whose PSA airtime falls short of the province's share of its commercial airtime. */
        PSA_SHARE,
        /** A screen the schedule plans but the network does not have. */
        UNKNOWN_SCREEN
    }

    @Override
    public String toString() {
        return kind + " " + screenId + " " + date + (hour >= 0 ? " " + hour + "h" : "")
                + (campaignId.isEmpty() ? "" : " " + campaignId) + ": " + detail;
    }
}
