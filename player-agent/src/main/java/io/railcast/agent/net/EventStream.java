package io.railcast.agent.net;

import io.railcast.agent.protocol.Backoff;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MalformedMessage;
import io.railcast.agent.protocol.SseParser;
import io.railcast.agent.protocol.Takeover;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps {@code GET /agent/v1/events} open on its own thread and hands each {@code schedule} and {@code takeover}
 * event to a listener.
 *
 * <p>A stream silent for {@link #SILENCE} (heartbeats come every 15 s) is taken for dead and reopened. Every reopen
 * waits a jittered backoff, at least any {@code Retry-After}, and sends {@code Last-Event-ID} so a version published
 * while the stream was down is not missed. After a {@code 401} it waits for a new token instead of retrying.
 */
public final class EventStream implements Runnable, Closeable {

    public static final Duration SILENCE = Duration.ofSeconds(45);
    static final Duration TOKEN_RECHECK = Duration.ofSeconds(5);

    private static final System.Logger LOG = System.getLogger(EventStream.class.getName());

    /** Called on the stream's thread; must return quickly. */
    public interface Listener {
        void scheduleEvent(ScheduleEvent event);

        void streamUp();

        void streamDown();

        /** A {@code takeover} event: a takeover covering the screen, new or cancelled, or not over at connection. */
        default void takeover(Takeover takeover) {}
    }

    /**
     * The payload of a {@code schedule} event: version {@code version} is to be played from {@code effectiveAt};
     * {@code plans} are those its changed hours name, when the server lists them (empty otherwise).
     */
    public record ScheduleEvent(long version, Instant effectiveAt, boolean urgent, List<String> plans) {

        public ScheduleEvent {
            plans = List.copyOf(plans);
        }
    }

    private final ServerClient client;
    private final Listener listener;
    private final Duration silence;
    private final Backoff backoff;
    private final Object sleeper = new Object();
    private volatile String lastEventId;
    private volatile boolean running = true;
    private volatile boolean up;
    private volatile InputStream current;

    public EventStream(ServerClient client, Listener listener, String lastEventId, Duration silence, Backoff backoff) {
        this.client = client;
        this.listener = listener;
        this.lastEventId = lastEventId;
        this.silence = silence;
        this.backoff = backoff;
    }

    boolean isUp() {
        return up;
    }

    String lastEventId() {
        return lastEventId;
    }

    @Override
    public void run() {
        while (running) {
            Duration wait;
            if (client.tokenRejected()) {
                wait = TOKEN_RECHECK;
            } else {
                try {
                    listen();
                    wait = backoff.next();
                } catch (ServerRefusal refusal) {
                    wait = refusal.retryAfter().map(backoff::nextAtLeast).orElseGet(backoff::next);
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "event stream refused: " + refusal.getMessage()
                                    + "; polling every 60 s, retrying the stream in " + wait.toSeconds() + " s");
                } catch (IOException e) {
                    wait = backoff.next();
                    LOG.log(
                            System.Logger.Level.INFO,
                            "event stream down (" + ServerRefusal.describe(e) + "); polling, " + "reconnecting in "
                                    + wait.toMillis() + " ms");
                } catch (InterruptedException e) {
                    return;
                }
            }
            pause(wait);
        }
    }

    private void listen() throws IOException, InterruptedException {
        try (InputStream in = new IdleStream(client.events(lastEventId), silence);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            current = in;
            if (!running) {
                return;
            }
            up = true;
            listener.streamUp();
            SseParser parser = new SseParser(lastEventId);
            String line;
            while ((line = lines.readLine()) != null) {
                SseParser.Event event = parser.line(line);
                if (event != null) {
                    backoff.reset(); // only a stream that delivers counts as healthy, not one that opens and drops
                    lastEventId = parser.lastEventId();
                    handle(event);
                }
            }
        } finally {
            current = null;
            if (up) {
                up = false;
                listener.streamDown();
            }
        }
    }

    private void handle(SseParser.Event event) {
        if (event.type().equals("takeover")) {
            try {
                listener.takeover(Takeover.parse(JsonObject.parse(event.data().getBytes(StandardCharsets.UTF_8))));
            } catch (MalformedMessage e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring a malformed takeover event: " + e.getMessage());
            }
            return;
        }
        if (!event.type().equals("schedule")) {
            return; // heartbeats only prove the stream alive, which reading them already did
        }
        try {
            JsonObject json = JsonObject.parse(event.data().getBytes(StandardCharsets.UTF_8));
            listener.scheduleEvent(new ScheduleEvent(
                    json.integer("version"),
                    json.instant("effectiveAt"),
                    json.bool("urgent", false),
                    json.has("plans") ? json.strings("plans") : List.of()));
        } catch (MalformedMessage e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring a malformed schedule event: " + e.getMessage());
        }
    }

    private void pause(Duration wait) {
        synchronized (sleeper) {
            if (running) {
                try {
                    sleeper.wait(Math.max(1, wait.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        synchronized (sleeper) {
            sleeper.notifyAll();
        }
        InputStream stream = current;
        if (stream != null) {
            stream.close();
        }
    }
}
