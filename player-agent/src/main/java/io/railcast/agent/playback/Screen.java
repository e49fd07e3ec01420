package io.railcast.agent.playback;

import java.nio.file.Path;
import java.time.Instant;

/**
 * Where the player shows what the clock says: a log line per change. In kiosk mode the local page shows the creatives
 * by itself from the kiosk feed, by the same clock, so the player need not drive it.
 */
interface Screen {

    /**
     * Shows {@code onScreen} from {@code now} on, with its spot's media {@code file} (null when dark or missing). The
     * player may join a spot mid-way: {@code now} is then later than the spot's start by the clock.
     */
    void show(OnScreen onScreen, Path file, Instant now);
}
