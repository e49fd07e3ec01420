package io.railcast.model.campaign;

import java.util.Objects;

/** A creative in a campaign's rotation; a creative of weight 2 plays twice as often as one of weight 1. */
public record WeightedCreative(Creative creative, int weight) {

    public WeightedCreative {
        Objects.requireNonNull(creative, "creative");
        if (weight <= 0) {
            throw new IllegalArgumentException("creative " + creative.id() + ": weight must be positive");
        }
    }
}
