package io.railcast.server.agent.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A screen's agent token as the history records it: whether one is live, and since when if it is new. Never the
 * token or its hash.
 */
record TokenState(String screen, boolean live, @Nullable Instant issuedAt) {

    static TokenState before(String screen, boolean live) {
        return new TokenState(screen, live, null);
    }
}
