package io.railcast.server.network;

import io.railcast.model.network.Tier;
import org.jspecify.annotations.Nullable;

/** Which stations to list; an absent criterion matches all. */
record StationFilter(
        @Nullable String province,
        @Nullable String bureau,
        @Nullable Tier tier) {}
