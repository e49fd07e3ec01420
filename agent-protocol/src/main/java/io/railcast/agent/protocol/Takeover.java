package io.railcast.agent.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * An emergency takeover of the screen ({@code takeover} event, {@code takeovers} of the schedule answer): from
 * {@code from} until {@code until} (null: until cancelled) the screen shows {@code media}, or {@code notice} on a
 * plain background, instead of its schedule. {@code cancelled} tells that {@code until} is when it was cancelled.
 * Exactly one of {@code media} and {@code notice} is set.
 */
public record Takeover(String id, Instant from, Instant until, boolean cancelled, String notice, MediaFile media) {

    /** The longest notice the server accepts; a longer one is cut, never refused, since it is an emergency. */
    public static final int NOTICE_MAX = 280;

    public Takeover {
        requireNonNull(id, "id");
        requireNonNull(from, "from");
        if ((notice == null) == (media == null)) {
            throw new IllegalArgumentException("takeover " + id + " must show exactly one of media or notice");
        }
        if (notice != null && notice.length() > NOTICE_MAX) {
            notice = notice.substring(0, NOTICE_MAX);
        }
        if (until != null && !until.isAfter(from)) {
            until = from; // cancelled before it began: never on screen
        }
    }

    /** Whether it is on screen at {@code t}. */
    public boolean activeAt(Instant t) {
        return !t.isBefore(from) && (until == null || t.isBefore(until));
    }

    /** Over at {@code t}: it will never be on screen again. */
    public boolean overAt(Instant t) {
        return until != null && !until.isAfter(t);
    }

    /**
     * The same takeover as told twice: its end only ever moves earlier (a cancellation), so the earlier end wins,
     * whichever order the event and a schedule answer arrive in.
     */
    public Takeover merge(Takeover other) {
        if (other.until != null && (until == null || other.until.isBefore(until))) {
            return other;
        }
        return this;
    }

    /** Reads one takeover object of the protocol. */
    public static Takeover parse(JsonObject json) throws MalformedMessage {
        try {
            MediaFile media = null;
            if (json.has("media")) {
                JsonObject file = json.object("media");
                media = new MediaFile(
                        file.string("creative"),
                        file.string("url"),
                        file.string("sha256"),
                        file.integer("size"),
                        file.has("duration") ? file.int32("duration") : 0);
            }
            return new Takeover(
                    json.string("id"),
                    json.instant("from"),
                    json.has("until") ? json.instant("until") : null,
                    json.bool("cancelled", false),
                    json.has("notice") ? json.string("notice") : null,
                    media);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new MalformedMessage("incoherent takeover: " + e.getMessage(), e);
        }
    }
}
