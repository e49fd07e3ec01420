package io.railcast.server.agent.status;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/v1/screens/status}: how many screens are online, stale, offline or never seen, how many play an
 * old version, miss media or run on a clock off the server's, and those screens in detail ({@code attention}).
 *
 * @param expectedVersion the latest version that became effective at least the grace period ago
 */
record StatusSummary(
        Instant checkedAt,
        @Nullable Long expectedVersion,
        int screens,
        int online,
        int stale,
        int offline,
        int neverSeen,
        int onOldVersion,
        int missingMedia,
        int clockSkewed,
        List<ScreenHealth> attention) {

    static StatusSummary of(Instant checkedAt, @Nullable Long expectedVersion, List<ScreenHealth> screens) {
        int[] byState = new int[ScreenHealth.State.values().length];
        int old = 0;
        int missing = 0;
        int skewed = 0;
        for (ScreenHealth screen : screens) {
            byState[screen.state().ordinal()]++;
            old += screen.oldVersion() ? 1 : 0;
            missing += screen.missingMedia() != null && screen.missingMedia() > 0 ? 1 : 0;
            skewed += screen.clockSkewed() ? 1 : 0;
        }
        return new StatusSummary(
                checkedAt,
                expectedVersion,
                screens.size(),
                byState[ScreenHealth.State.ONLINE.ordinal()],
                byState[ScreenHealth.State.STALE.ordinal()],
                byState[ScreenHealth.State.OFFLINE.ordinal()],
                byState[ScreenHealth.State.NEVER_SEEN.ordinal()],
                old,
                missing,
                skewed,
                screens.stream().filter(ScreenHealth::needsAttention).toList());
    }
}
