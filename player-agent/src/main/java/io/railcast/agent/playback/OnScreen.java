package io.railcast.agent.playback;

import io.railcast.agent.protocol.Spot;
import io.railcast.agent.protocol.Takeover;
import java.time.Instant;

/**
 * What the screen shows over {@code [start, end)} by the clock: {@code spot} of schedule {@code version}, or nothing
 * when {@code spot} is null (the screen is dark). {@code fallback} tells that the horizon has run out and the spot
 * comes from the fallback filler plan. The start is when the spot began by the clock, which is earlier than now when
 * an agent joins mid-spot. {@code takeover} is set while an emergency takeover is on screen instead of the
 * schedule ({@code spot} is then null, and {@code start} is when the takeover began).
 */
public record OnScreen(Spot spot, Instant start, Instant end, long version, boolean fallback, Takeover takeover) {

    public OnScreen(Spot spot, Instant start, Instant end, long version, boolean fallback) {
        this(spot, start, end, version, fallback, null);
    }

    static OnScreen takeover(Takeover takeover, Instant end, long version) {
        return new OnScreen(null, takeover.from(), end, version, false, takeover);
    }

    public boolean isTakeover() {
        return takeover != null;
    }

    static OnScreen dark(Instant start, Instant end, long version) {
        return new OnScreen(null, start, end, version, false);
    }

    public boolean isDark() {
        return spot == null && takeover == null;
    }

    /** The same spot at the same slot: an agent that sees this again keeps playing instead of starting over. */
    boolean sameSlot(OnScreen other) {
        return other != null
                && start.equals(other.start)
                && java.util.Objects.equals(spot, other.spot)
                && java.util.Objects.equals(takeoverId(), other.takeoverId());
    }

    private String takeoverId() {
        return takeover == null ? null : takeover.id();
    }

    OnScreen endingAt(Instant earlier) {
        return earlier.isBefore(end) ? new OnScreen(spot, start, earlier, version, fallback, takeover) : this;
    }
}
