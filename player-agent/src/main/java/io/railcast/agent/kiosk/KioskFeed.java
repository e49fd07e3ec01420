package io.railcast.agent.kiosk;

import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.net.ServerClock;
import io.railcast.agent.playback.OnScreen;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.Spot;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the kiosk page needs to switch creatives on time by itself: the spot on screen now and the ones after it, with
 * the exact instants they appear by the agent's clock (the server's, as measured by heartbeats), and where their
 * media is on the local server. The page switches by its own timer at the next slot's start, having loaded that
 * slot's media before, so the feed only has to arrive ahead of time, not on time.
 *
 * <p>It looks ahead with {@link Programme#peek}, so it never moves the programme on: the player alone does, by the same
 * clock, which keeps the page and the proof of play in step. Thread-safe.
 */
public final class KioskFeed {

    /** Slots sent at a time: the one on screen and two after it, so a short spot does not outrun the feed. */
    static final int SLOTS = 3;

    private final Programme programme;
    private final ServerClock clock;
    private final MediaCache cache;
    private final Map<String, Optional<CreativeFormat>> formats = new ConcurrentHashMap<>();

    public KioskFeed(Programme programme, ServerClock clock, MediaCache cache) {
        this.programme = programme;
        this.clock = clock;
        this.cache = cache;
    }

    /** What the page shows over one slot. */
    enum Show {
        /** The slot's creative, from the local server. */
        CREATIVE,
        /** Nothing on purpose: the screen is off air in this hour. */
        DARK,
        /** A takeover's notice: its text on a plain background, in large type. */
        NOTICE,
        /** A calm standby card: no schedule yet, or the creative's file is missing or of a kind no browser shows. */
        STANDBY
    }

    /**
     * One slot: {@code show} from {@code start} to {@code end} by the agent's clock. {@code spotStart} is when the spot
     * began by the clock, earlier than {@code start} when the page joins a spot mid-way or a new version cuts in, so a
     * video can be started at the right point. {@code spot}, {@code digest} and {@code format} are null when there is
     * nothing to show; {@code notice} is the text of a {@link Show#NOTICE} slot, null otherwise.
     */
    record Slot(
            Instant start,
            Instant end,
            Instant spotStart,
            Show show,
            Spot spot,
            long version,
            boolean fallback,
            String digest,
            CreativeFormat format,
            String notice) {

        /**
         * The same slot, perhaps asked for at another instant: a slot on screen starts whenever it was asked for, and
         * the standby card before any schedule lasts until one comes.
         */
        boolean sameOnScreen(Slot other) {
            return (end.equals(other.end) || beforeAnySchedule() && other.beforeAnySchedule())
                    && show == other.show
                    && Objects.equals(spot, other.spot)
                    && version == other.version
                    && fallback == other.fallback
                    && Objects.equals(digest, other.digest)
                    && Objects.equals(notice, other.notice);
        }

        boolean beforeAnySchedule() {
            return show == Show.STANDBY && version == 0;
        }
    }

    /** The feed at {@code now}; {@code clockOffsetMillis} is the agent's measured server clock minus its own. */
    record Feed(Instant now, long clockOffsetMillis, String screenId, String zone, List<Slot> slots) {

        Feed {
            slots = List.copyOf(slots);
        }

        /** Whether the page would do anything different with {@code other}: what {@code now} it was made at aside. */
        boolean sameAs(Feed other) {
            if (other == null
                    || clockOffsetMillis != other.clockOffsetMillis
                    || slots.size() != other.slots.size()
                    || !Objects.equals(screenId, other.screenId)
                    || !Objects.equals(zone, other.zone)) {
                return false;
            }
            for (int i = 0; i < slots.size(); i++) {
                Slot mine = slots.get(i);
                Slot theirs = other.slots.get(i);
                if (!(i == 0 ? mine.sameOnScreen(theirs) : mine.equals(theirs))) {
                    return false;
                }
            }
            return true;
        }

        /** When the slot on screen ends: the feed changes then at the latest. */
        Instant changesAt() {
            return slots.get(0).end();
        }

        /** The feed as the page reads it: UTF-8 JSON, instants in ISO-8601 with milliseconds. */
        byte[] json() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("now", iso(now));
            body.put("clockOffsetMillis", clockOffsetMillis);
            body.put("screenId", screenId);
            body.put("zone", zone);
            List<Map<String, Object>> list = new ArrayList<>();
            for (Slot slot : slots) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("start", iso(slot.start()));
                fields.put("end", iso(slot.end()));
                fields.put("spotStart", iso(slot.spotStart()));
                fields.put("show", slot.show().name().toLowerCase(java.util.Locale.ROOT));
                fields.put("version", slot.version());
                fields.put("fallback", slot.fallback());
                if (slot.spot() != null) {
                    fields.put("creative", slot.spot().creative());
                    fields.put("campaign", slot.spot().campaign());
                    fields.put("kind", slot.spot().kind());
                }
                if (slot.notice() != null) {
                    fields.put("notice", slot.notice());
                }
                if (slot.show() == Show.CREATIVE) {
                    fields.put("media", KioskServer.MEDIA_PATH + slot.digest());
                    fields.put("type", slot.format().mimeType());
                    fields.put("video", slot.format().video());
                }
                list.add(fields);
            }
            body.put("slots", list);
            return JsonObject.write(body);
        }

        private static String iso(Instant instant) {
            return instant.truncatedTo(ChronoUnit.MILLIS).toString();
        }
    }

    Feed now() {
        return at(clock.instant());
    }

    /** The slot on screen at {@code now} and the {@link #SLOTS} - 1 after it; just the standby card before any schedule. */
    Feed at(Instant now) {
        List<Slot> slots = new ArrayList<>(SLOTS);
        Schedule schedule = null;
        Instant t = now;
        for (int i = 0; i < SLOTS; i++) {
            Programme.Upcoming upcoming = programme.peek(t);
            slots.add(slot(upcoming, i == 0 ? upcoming.onScreen().start() : t));
            if (upcoming.schedule() == null) {
                break; // nothing to look ahead to: a schedule, once offered, changes the feed at once
            }
            schedule = schedule == null ? upcoming.schedule() : schedule;
            t = upcoming.onScreen().end();
        }
        return new Feed(
                now,
                clock.offsetMillis(),
                schedule == null ? null : schedule.screenId(),
                schedule == null ? null : schedule.zone().getId(),
                slots);
    }

    /** The format of the cached file with this digest, remembered: a file under its digest never changes. */
    Optional<CreativeFormat> format(String digest) {
        Optional<CreativeFormat> known = formats.get(digest);
        if (known != null) {
            return known;
        }
        try {
            Optional<CreativeFormat> format = CreativeFormat.of(mediaFile(digest));
            formats.put(digest, format);
            return format;
        } catch (IOException e) {
            return Optional.empty(); // not cached (yet): ask again next time
        }
    }

    /** Where the cached file with this digest is, if the cache holds it; the digest must be 64 hex digits. */
    java.nio.file.Path mediaFile(String digest) {
        return cache.directory().resolve(digest);
    }

    private Slot slot(Programme.Upcoming upcoming, Instant appears) {
        OnScreen onScreen = upcoming.onScreen();
        Instant start = appears.isAfter(onScreen.start()) ? appears : onScreen.start();
        Schedule schedule = upcoming.schedule();
        if (schedule == null) {
            return new Slot(start, onScreen.end(), onScreen.start(), Show.STANDBY, null, 0, false, null, null, null);
        }
        if (onScreen.isTakeover() && onScreen.takeover().media() == null) {
            return new Slot(
                    start,
                    onScreen.end(),
                    onScreen.start(),
                    Show.NOTICE,
                    null,
                    onScreen.version(),
                    false,
                    null,
                    null,
                    onScreen.takeover().notice());
        }
        if (onScreen.isDark()) {
            return new Slot(
                    start,
                    onScreen.end(),
                    onScreen.start(),
                    Show.DARK,
                    null,
                    onScreen.version(),
                    onScreen.fallback(),
                    null,
                    null,
                    null);
        }
        if (onScreen.isTakeover()) {
            MediaFile media = onScreen.takeover().media();
            Optional<CreativeFormat> format = cache.has(media) ? format(media.sha256()) : Optional.empty();
            Spot shown = new Spot(
                    0,
                    Math.max(1, media.duration()),
                    "TAKEOVER-" + onScreen.takeover().id(),
                    media.creative(),
                    "TAKEOVER");
            return new Slot(
                    start,
                    onScreen.end(),
                    onScreen.start(),
                    format.isPresent() ? Show.CREATIVE : Show.STANDBY,
                    shown,
                    onScreen.version(),
                    false,
                    format.isPresent() ? media.sha256() : null,
                    format.orElse(null),
                    null);
        }
        MediaFile media = schedule.media().get(onScreen.spot().creative());
        Optional<CreativeFormat> format = media != null && cache.has(media) ? format(media.sha256()) : Optional.empty();
        return new Slot(
                start,
                onScreen.end(),
                onScreen.start(),
                format.isPresent() ? Show.CREATIVE : Show.STANDBY,
                onScreen.spot(),
                onScreen.version(),
                onScreen.fallback(),
                format.isPresent() ? media.sha256() : null,
                format.orElse(null),
                null);
    }
}
