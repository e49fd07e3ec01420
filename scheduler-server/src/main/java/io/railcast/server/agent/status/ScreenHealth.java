package io.railcast.server.agent.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One screen as operators see its agent: the state of its last heartbeat and what it reported then.
 *
 * @param expectedVersion the latest version for this screen that became effective a while ago
 * @param oldVersion      the agent reported a version older than {@code expectedVersion}
 * @param clockSkewed     the agent reported its clock off the server's by more than the tolerance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScreenHealth(
        String screenId,
        String station,
        State state,
        @Nullable Instant lastSeen,
        @Nullable String agentVersion,
        @Nullable Long scheduleVersion,
        @Nullable Long expectedVersion,
        boolean oldVersion,
        boolean clockSkewed,
        @Nullable Integer missingMedia,
        @Nullable Long clockOffsetMillis,
        @Nullable Integer journalBacklog,
        @Nullable Integer cachedFiles,
        @Nullable Long cachedBytes) {

    /** By the age of the last heartbeat: up to 3 minutes, up to 15, older; or none ever. */
    enum State {
        ONLINE,
        STALE,
        OFFLINE,
        NEVER_SEEN
    }

    boolean needsAttention() {
        return state != State.ONLINE || oldVersion || clockSkewed || (missingMedia != null && missingMedia > 0);
    }
}
