package io.railcast.server.agent.schedule;

import io.railcast.server.takeover.LiveTakeover;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A takeover as the protocol tells a screen of it, in a {@code takeover} event and in {@code takeovers} of the
 * schedule answer (docs/agent-protocol.md): from {@code from} until {@code until} (null: until cancelled) the screen
 * shows {@code media} or {@code notice} instead of its schedule.
 */
public record TakeoverItem(
        UUID id,
        Instant from,
        @Nullable Instant until,
        boolean cancelled,
        @Nullable String notice,
        @Nullable Media media) {

    /** The creative shown, as {@code media} entries of the schedule are. */
    public record Media(String creative, String url, String sha256, long size, int duration) {}

    public static TakeoverItem of(LiveTakeover takeover) {
        LiveTakeover.CreativeFile creative = takeover.creative();
        return new TakeoverItem(
                takeover.id(),
                takeover.from(),
                takeover.until(),
                takeover.cancelled(),
                takeover.notice(),
                creative == null
                        ? null
                        : new Media(
                                creative.id(),
                                ScheduleService.mediaUrl(creative.id()),
                                creative.sha256(),
                                creative.sizeBytes(),
                                creative.durationSeconds()));
    }
}
