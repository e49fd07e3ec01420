package io.railcast.server.network;

import io.railcast.model.network.Tier;
import org.jspecify.annotations.Nullable;

/**
 * Which stations to list; an absent criterion matches all.
 *
 * @param text found in the code or the name, in any case (the console's search box)
 */
record StationFilter(
        @Nullable String province,
        @Nullable String bureau,
        @Nullable Tier tier,
        @Nullable String text) {}
