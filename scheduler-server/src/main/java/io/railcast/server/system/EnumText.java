package io.railcast.server.system;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Enum constants as clients write them: in any case, with blanks around. The one reader of such names in requests;
 * each caller says in its own words what was wrong.
 */
public final class EnumText {

    private EnumText() {}

    /** The constant of {@code type} that {@code text} names; empty when it names none or is null. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, @Nullable String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
