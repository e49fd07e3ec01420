package io.railcast.model.campaign;

import io.railcast.model.network.ScreenType;
import java.util.Objects;
import java.util.Set;

/**
 * One piece of media: a spot of fixed length made for certain screen types.
 *
 * @param id              unique
 * @param durationSeconds 5, 10, 15, 30 … ; a multiple of the slot length of every screen it plays on
 * @param screenTypes     the screen types it was made for (resolution, aspect)
 * @param mediaUri        where the media file lives
 * @param sha256          hex SHA-256 of the media file
 * @param sizeBytes       size of the media file
 */
public record Creative(
        String id, int durationSeconds, Set<ScreenType> screenTypes, String mediaUri, String sha256, long sizeBytes) {

    public Creative {
        Objects.requireNonNull(id, "id");
        screenTypes = Set.copyOf(screenTypes);
        if (durationSeconds <= 0) {
            throw new IllegalArgumentException("creative " + id + ": duration must be positive");
        }
        if (screenTypes.isEmpty()) {
            throw new IllegalArgumentException("creative " + id + ": made for no screen type");
        }
    }

    public boolean isMadeFor(ScreenType type) {
        return screenTypes.contains(type);
    }
}
