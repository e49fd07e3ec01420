package io.railcast.model.network;

/**
 * How a screen's airtime is sold: a loop of {@code loopSeconds} that repeats through every clock hour, cut into
 * slots of {@code slotSeconds}. Every spot lasts a whole number of slots and starts on a slot boundary. One slot in
 * every 5-minute loop is 12 plays an hour.
 *
 * @param loopSeconds a divisor of 3600
 * @param slotSeconds a divisor of the loop; 5 s by default
 */
public record LoopPolicy(int loopSeconds, int slotSeconds) {

    public static final LoopPolicy STANDARD = new LoopPolicy(300, 5);

    public LoopPolicy {
        if (loopSeconds <= 0 || 3600 % loopSeconds != 0) {
            throw new IllegalArgumentException("loopSeconds must divide 3600, got " + loopSeconds);
        }
        if (slotSeconds <= 0 || loopSeconds % slotSeconds != 0) {
            throw new IllegalArgumentException(
                    "slotSeconds must divide the loop of " + loopSeconds + " s, got " + slotSeconds);
        }
    }

    public int loopsPerHour() {
        return 3600 / loopSeconds;
    }

    public boolean fits(int spotSeconds) {
        return spotSeconds > 0 && spotSeconds % slotSeconds == 0;
    }
}
