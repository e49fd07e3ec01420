package io.railcast.model.planning;

import java.util.Arrays;

/** A short run of integers with value equality and a hash computed once: a cheap key for a costly value. */
final class Signature {

    private final int[] values;
    private final int hash;

    private Signature(int[] values) {
        this.values = values;
        this.hash = Arrays.hashCode(values);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Signature that && hash == that.hash && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    static final class Builder {
        private int[] values = new int[32];
        private int size;

        Builder add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
            return this;
        }

        Signature build() {
            return new Signature(Arrays.copyOf(values, size));
        }
    }
}
