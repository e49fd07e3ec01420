package io.railcast.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The generator's only source of chance. Every draw goes through one seeded {@link SplittableRandom} in program
 * order, so a seed always yields the same scenario.
 */
final class Dice {

    private final SplittableRandom random;

    Dice(long seed) {
        this(new SplittableRandom(seed));
    }

    private Dice(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream, so that drawing more in one part of the scenario leaves the others unchanged. */
    Dice split() {
        return new Dice(random.split());
    }

    /** Uniform in {@code [low, high]}, both included. */
    int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    double fraction(double low, double high) {
        return random.nextDouble(low, high);
    }

    long nextLong() {
        return random.nextLong();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** The index of an option drawn with the given relative weights. */
    int weighted(int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** One of the items, each as likely as its weight. */
    <T> T pick(List<T> items, int... weights) {
        return items.get(weighted(weights));
    }

    <T> List<T> shuffled(List<T> items) {
        List<T> copy = new ArrayList<>(items);
        for (int i = copy.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return copy;
    }

    /** {@code count} distinct items in drawn order. */
    <T> List<T> sample(List<T> items, int count) {
        return shuffled(items).subList(0, Math.min(count, items.size()));
    }
}
