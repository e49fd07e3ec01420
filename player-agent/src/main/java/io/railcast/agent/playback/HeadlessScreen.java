package io.railcast.agent.playback;

import io.railcast.agent.protocol.Spot;
import io.railcast.agent.protocol.Takeover;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Headless mode: one line per change of what is on screen, so a test rig or an operator's terminal sees the same
 * sequence a display would.
 */
public final class HeadlessScreen implements Screen {

    /** Below this, a late start is the scheduler's wake-up jitter, not worth a mention. */
    private static final long JOINED_LATE_MILLIS = 50;

    private final PrintStream out;

    public HeadlessScreen(PrintStream out) {
        this.out = out;
    }

    @Override
    public void show(OnScreen onScreen, Path file, Instant now) {
        String at = now.truncatedTo(ChronoUnit.MILLIS).toString();
        if (onScreen.isTakeover()) {
            Takeover takeover = onScreen.takeover();
            out.println(at + " TAKEOVER " + takeover.id() + " until "
                    + (takeover.until() == null ? "cancelled" : takeover.until())
                    + (takeover.notice() != null
                            ? " NOTICE " + takeover.notice().replaceAll("\\R", " ")
                            : " " + takeover.media().creative()
                                    + (file == null ? " MEDIA MISSING" : " " + file.getFileName())));
            return;
        }
        if (onScreen.isDark() && onScreen.version() == 0) {
            out.println(at + " WAITING for a first schedule: nothing cached to play");
            return;
        }
        if (onScreen.isDark()) {
            out.println(
                    at + " DARK until " + onScreen.end() + (onScreen.fallback() ? " (fallback plan is off air)" : ""));
            return;
        }
        Spot spot = onScreen.spot();
        long joinedAfter = Duration.between(onScreen.start(), now).toMillis();
        out.println(at + (onScreen.fallback() ? " FALLBACK " : " PLAY ") + spot.campaign() + "/" + spot.creative()
                + " " + spot.kind() + " v" + onScreen.version() + " " + spot.duration() + " s until " + onScreen.end()
                + (joinedAfter >= JOINED_LATE_MILLIS ? " (joined " + joinedAfter + " ms into the spot)" : "")
                + (file == null ? " MEDIA MISSING" : " " + file.getFileName()));
    }
}
