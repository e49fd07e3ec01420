package io.railcast.model.network;

/** How important a station is to the operator; packages are often sold by tier. */
public enum Tier {
    HUB,
    MAJOR,
    STANDARD
}
