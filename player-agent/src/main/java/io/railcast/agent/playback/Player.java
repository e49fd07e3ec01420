package io.railcast.agent.playback;

import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.journal.PlayJournal;
import io.railcast.agent.journal.PlayStart;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.Schedule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The loop that puts on screen what the clock says, on its own thread: at each change it asks the programme what is
 * on now, shows it, journals the end of the previous spot and the start of the new one, and sleeps until the spot
 * ends or a new version arrives.
 *
 * <p>A journal failure (a full disk) is logged and playing goes on: the screen never stops for the paperwork. The
 * start instant comes from the clock; the length from the monotonic timer, so a clock correction mid-spot does not
 * distort it.
 */
public final class Player implements Runnable {

    private static final System.Logger LOG = System.getLogger(Player.class.getName());

    private final Programme programme;
    private final Clock clock;
    private final PlayJournal journal;
    private final MediaCache cache;
    private final Screen screen;
    private final Runnable firstShown;
    private volatile boolean running = true;
    private boolean shownASchedule;
    private OnScreen current;
    private PlayStart playing;
    private long playingSinceNanos;

    public Player(
            Programme programme,
            Clock clock,
            PlayJournal journal,
            MediaCache cache,
            Screen screen,
            Runnable firstShown) {
        this.programme = programme;
        this.clock = clock;
        this.journal = journal;
        this.cache = cache;
        this.screen = screen;
        this.firstShown = firstShown;
    }

    @Override
    public void run() {
        try {
            while (running) {
                Instant now = clock.instant();
                OnScreen onScreen = programme.at(now);
                if (!onScreen.sameSlot(current) && !(onScreen.isDark() && current != null && current.isDark())) {
                    switchTo(onScreen, now);
                }
                current = onScreen;
                programme.awaitChange(onScreen.end(), clock);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finishPlaying();
        }
    }

    public void stop() {
        running = false;
        programme.wake();
    }

    private void switchTo(OnScreen onScreen, Instant now) {
        finishPlaying();
        Schedule schedule = programme.active();
        MediaFile media;
        if (onScreen.isTakeover()) {
            media = onScreen.takeover().media();
        } else {
            media = onScreen.isDark() || schedule == null
                    ? null
                    : schedule.media().get(onScreen.spot().creative());
        }
        Path file = media != null && cache.has(media) ? cache.file(media) : null;
        screen.show(onScreen, file, now);
        if (!shownASchedule && schedule != null) {
            shownASchedule = true;
            firstShown.run();
        }
        // a takeover is not a campaign's play: not journaled (the server knows what it showed, where and when); the
        // spot it cut was journaled above with the length it had, so it does not count as played in full
        if (!onScreen.isDark() && !onScreen.isTakeover() && schedule != null) {
            playing = PlayStart.of(schedule.screenId(), onScreen.spot(), now, onScreen.version());
            playingSinceNanos = System.nanoTime();
            journal.started(playing);
        }
    }

    private void finishPlaying() {
        if (playing == null) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - playingSinceNanos);
        journal.finished(playing.playId(), millis);
        playing = null;
    }
}
