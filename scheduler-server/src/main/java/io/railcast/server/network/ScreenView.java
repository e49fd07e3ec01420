package io.railcast.server.network;

import io.railcast.model.network.Screen;
import java.time.Instant;

/**
 * A stored screen as the API shows it.
 *
 * @param createdAt when it was added
 */
record ScreenView(
        String id,
        String station,
        String type,
        String zone,
        ScreenPayload.LoopPolicyPayload loopPolicy,
        Instant createdAt) {

    static ScreenView of(StoredScreen stored) {
        Screen screen = stored.screen();
        return new ScreenView(
                screen.id(),
                screen.station(),
                screen.type().name(),
                screen.zone(),
                ScreenPayload.LoopPolicyPayload.of(screen.loopPolicy()),
                stored.createdAt());
    }
}
