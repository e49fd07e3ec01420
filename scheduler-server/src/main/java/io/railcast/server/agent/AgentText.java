package io.railcast.server.agent;

import org.jspecify.annotations.Nullable;

/**
 * The one rule for every text field an agent sends: it is stored and shown to operators as sent, so it must be
 * text PostgreSQL can store (no NUL, which it refuses, failing the whole statement the field is written in) and a
 * person can read (no other control characters, no half of a surrogate pair), and bounded in length.
 */
public final class AgentText {

    private AgentText() {}

    /** What is wrong with {@code value} as field {@code field}, or null when it is fine (or absent). */
    public static @Nullable String problem(String field, @Nullable String value, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return field + " must be at most " + maxLength + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                return field + " must not contain control characters (U+" + String.format("%04X", (int) c) + " at " + i
                        + ")";
            }
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return field + " must not contain half of a surrogate pair (at " + i + ")";
            }
        }
        return null;
    }
}
