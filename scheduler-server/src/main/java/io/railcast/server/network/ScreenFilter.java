package io.railcast.server.network;

import io.railcast.model.network.ScreenType;
import org.jspecify.annotations.Nullable;

/** Which screens to list; an absent criterion matches all. */
record ScreenFilter(
        @Nullable String station,
        @Nullable ScreenType type,
        @Nullable String zone) {}
