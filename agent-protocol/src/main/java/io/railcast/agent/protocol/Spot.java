package io.railcast.agent.protocol;

import static java.util.Objects.requireNonNull;

/**
 * One spot of an hour plan: {@code creative} of {@code campaign} on screen from {@code offset} seconds after the start
 * of the hour for {@code duration} seconds. {@code kind} is kept as text (COMMERCIAL, PUBLIC_SERVICE, FILLER, ...) so a
 * kind the server adds later does not make the agent refuse a schedule; the agent plays every kind alike.
 */
public record Spot(int offset, int duration, String campaign, String creative, String kind) {

    public Spot {
        requireNonNull(campaign, "campaign");
        requireNonNull(creative, "creative");
        requireNonNull(kind, "kind");
        if (offset < 0 || duration <= 0) {
            throw new IllegalArgumentException("spot at " + offset + " s lasting " + duration + " s");
        }
    }

    /** Seconds after the start of the hour when the spot ends. */
    public int end() {
        return offset + duration;
    }
}
