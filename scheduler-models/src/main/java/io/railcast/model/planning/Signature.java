package io.railcast.model.planning;

import java.util.Arrays;

/**
 * A short run of integers with value equality and a hash computed once: a cheap key for a costly value. A signature
 * may read a {@link Builder}'s buffer ({@link Builder#view}), to be looked up without being copied; {@link #copy()}
 * is the one to keep as a key.
 */
final class Signature {

    private final int[] values;
    private final int size;
    private final int hash;

    private Signature(int[] values, int size) {
        this.values = values;
        this.size = size;
        int h = 1;
        for (int i = 0; i < size; i++) {
            h = 31 * h + values[i];
        }
        this.hash = h;
    }

    /** This signature with values of its own, which no builder writes to. */
    Signature copy() {
        return new Signature(Arrays.copyOf(values, size), size);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that
                && hash == that.hash
                && Arrays.equals(values, 0, size, that.values, 0, that.size);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Writes one signature after another into one buffer. */
    static final class Builder {
        private int[] values = new int[32];
        private int size;

        /** Starts the next signature, overwriting the last. */
        Builder reset() {
            size = 0;
            return this;
        }

        Builder add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        /** The values added since the last reset, read from this builder's buffer: valid until it is reset. */
        Signature view() {
            return new Signature(values, size);
        }
    }
}
