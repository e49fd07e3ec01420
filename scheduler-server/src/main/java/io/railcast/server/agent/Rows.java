package io.railcast.server.agent;

import org.jspecify.annotations.Nullable;

/** Reading columns owned by other features, whose exact integer types this feature does not rely on. */
public final class Rows {

    private Rows() {}

    /** A whole number of any integer type, or null. */
    public static @Nullable Long toLong(@Nullable Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
