package io.railcast.agent;

import static java.util.Objects.requireNonNull;

import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.cache.ScheduleStore;
import io.railcast.agent.journal.PlayJournal;
import io.railcast.agent.kiosk.KioskFeed;
import io.railcast.agent.kiosk.KioskServer;
import io.railcast.agent.net.EventStream;
import io.railcast.agent.net.ServerClient;
import io.railcast.agent.net.ServerClock;
import io.railcast.agent.playback.HeadlessScreen;
import io.railcast.agent.playback.Player;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.Backoff;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.Takeover;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The player agent of one screen. {@link #start()} plays at once from whatever the cache holds, then keeps the cache
 * up to date from the server in the background; {@link #close()} stops it and journals the spot on screen as ended.
 *
 * <pre>{@code
 * PlayerAgent agent = PlayerAgent.newBuilder(config).build();
 * agent.start();
 * }</pre>
 *
 * <p>The agent plays by the server's clock as measured by its heartbeats, so every screen of a station is in step;
 * it switches to a new schedule version only once all its media is cached and verified; and it records every spot
 * it plays in a durable journal until the server acknowledges it. Thread-safe; it runs on threads named
 * {@code railcast-*}, of which only the player keeps the JVM alive.
 */
public final class PlayerAgent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PlayerAgent.class.getName());
    private static final String VERSION = versionOfThisJar();

    private final AgentConfig config;
    private final Clock localClock;
    private final PrintStream playLog;
    private final Timings timings;
    private final CountDownLatch firstShown = new CountDownLatch(1);
    private PlayJournal journal;
    private Player player;
    private Thread playerThread;
    private EventStream events;
    private ScheduledExecutorService syncThread;
    private ExecutorService mediaThread;
    private ScheduledExecutorService takeoverThread;
    private KioskServer kiosk;
    private String tokenInUse;
    private long startedNanos;

    private PlayerAgent(Builder builder) {
        this.config = builder.config;
        this.localClock = builder.clock;
        this.playLog = builder.playLog;
        this.timings = builder.timings;
    }

    public static Builder newBuilder(AgentConfig config) {
        return new Builder(config);
    }

    /**
     * Opens the cache, starts playing what it holds and starts talking to the server; returns at once.
     *
     * @throws IOException if the cache directory cannot be created, read or written
     * @throws IllegalStateException if called twice
     */
    public synchronized void start() throws IOException {
        if (player != null) {
            throw new IllegalStateException("already started");
        }
        // play first: everything the player needs is local, and the HTTP client takes a while to load
        startedNanos = System.nanoTime();
        Path cache = Files.createDirectories(config.cacheDirectory());
        journal = PlayJournal.open(cache.resolve("journal"));
        MediaCache media = new MediaCache(cache.resolve("media"), config.cacheMaxBytes());
        ScheduleStore store = new ScheduleStore(cache.resolve("schedule"));
        Programme programme = new Programme();
        ServerClock clock = new ServerClock(localClock);
        List<ScheduleStore.Stored> stored = store.load();
        String etag = ScheduleUpdates.restore(stored, media, programme);
        List<Takeover> takeoversStored = TakeoverUpdates.restore(stored, media, programme, clock.instant());
        player = new Player(programme, clock, journal, media, new HeadlessScreen(playLog), this::firstSpotShown);
        playerThread = thread(player, "railcast-player", false);
        playerThread.start();
        if (config.mode() == AgentConfig.Mode.KIOSK) {
            kiosk = KioskServer.start(new KioskFeed(programme, clock, media), programme, clock, config.kioskPort());
            LOG.log(System.Logger.Level.INFO, "kiosk page on " + kiosk.uri());
        }

        ServerClient client = new ServerClient(config.server(), config.token(), ServerClient.newHttpClient());
        tokenInUse = config.token();
        syncThread = Executors.newSingleThreadScheduledExecutor(task -> thread(task, "railcast-sync", true));
        mediaThread = Executors.newSingleThreadExecutor(task -> thread(task, "railcast-media", true));
        // a takeover's media must not wait behind a schedule's downloads
        takeoverThread = Executors.newSingleThreadScheduledExecutor(task -> thread(task, "railcast-takeover", true));
        TakeoverUpdates takeovers = new TakeoverUpdates(programme, media, client, takeoverThread, clock);
        takeovers.restored(takeoversStored);
        ScheduleUpdates updates = new ScheduleUpdates(
                client,
                etag,
                config.horizonHours(),
                programme,
                media,
                store,
                clock,
                syncThread,
                mediaThread,
                timings.rollSpread(),
                takeovers);
        Reports reports = new Reports(client, journal, media, programme, updates, clock, VERSION);
        syncThread.execute(guarded(updates::refresh));
        every(updates::poll, timings.poll(), timings.poll());
        every(reports::sendStatus, Duration.ZERO, timings.status());
        every(reports::uploadPlays, spread(timings.upload()), timings.upload());
        every(() -> reconfigure(client, updates), timings.poll(), timings.poll());
        Schedule active = programme.active();
        events = new EventStream(
                client,
                updates,
                active == null ? null : Long.toString(active.version()),
                timings.silence(),
                new Backoff());
        thread(events, "railcast-events", true).start();
        LOG.log(System.Logger.Level.INFO, "player agent " + VERSION + " started: " + config);
    }

    /** Stops playing and talking to the server; the spot on screen is journaled as ended now. Idempotent. */
    @Override
    public synchronized void close() {
        if (player == null) {
            return;
        }
        try {
            events.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the event stream: " + e.getMessage());
        }
        syncThread.shutdownNow();
        mediaThread.shutdownNow();
        takeoverThread.shutdownNow();
        if (kiosk != null) {
            kiosk.close();
        }
        player.stop();
        try {
            playerThread.join(TimeUnit.SECONDS.toMillis(5));
            syncThread.awaitTermination(5, TimeUnit.SECONDS);
            mediaThread.awaitTermination(5, TimeUnit.SECONDS);
            journal.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing the journal: " + e.getMessage());
        }
    }

    /** Logs how fast the first spot came, the figure the start-up target (1 s from a warm cache) is about. */
    private void firstSpotShown() {
        long sinceStart = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
        String sinceLaunch = ProcessHandle.current()
                .info()
                .startInstant()
                .map(launched -> ", "
                        + Duration.between(launched, java.time.Instant.now()).toMillis() + " ms after the"
                        + " JVM was launched")
                .orElse("");
        LOG.log(System.Logger.Level.INFO, "first spot on screen " + sinceStart + " ms after start" + sinceLaunch);
        firstShown.countDown();
    }

    /** Waits until the first spot of a schedule is on screen; true if that happened within {@code timeout}. */
    boolean awaitFirstSpot(Duration timeout) throws InterruptedException {
        return firstShown.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The kiosk page's address in {@link AgentConfig.Mode#KIOSK} once started, else null. */
    synchronized java.net.URI kioskPage() {
        return kiosk == null ? null : kiosk.uri();
    }

    /** After a 401, takes a new token from the config file once an operator has put one there. */
    private void reconfigure(ServerClient client, ScheduleUpdates updates) {
        if (client.tokenRejected() && config.configFile().isPresent()) {
            Path file = config.configFile().get();
            CommandLine.readToken(file)
                    .filter(token -> !token.equals(tokenInUse))
                    .ifPresent(token -> {
                        LOG.log(System.Logger.Level.INFO, "new token in " + file + "; calling the server again");
                        tokenInUse = token; // should this one be refused too, wait for yet another
                        client.useToken(token);
                        updates.retryNow();
                    });
        }
    }

    private void every(Runnable task, Duration initialDelay, Duration period) {
        syncThread.scheduleWithFixedDelay(
                guarded(task), initialDelay.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A periodic task that throws is never run again: log instead, and keep the agent's duties going. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "unexpected failure in a background task; it will run again", e);
            }
        };
    }

    private static Duration spread(Duration period) {
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(Math.max(1, period.toMillis())));
    }

    private static Thread thread(Runnable task, String name, boolean daemon) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(daemon);
        return thread;
    }

    private static String versionOfThisJar() {
        String version = PlayerAgent.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Builds a {@link PlayerAgent}. Not thread-safe. */
    public static final class Builder {

        private final AgentConfig config;
        private Clock clock = Clock.systemUTC();
        private PrintStream playLog = System.out;
        private Timings timings = Timings.PROTOCOL;

        private Builder(AgentConfig config) {
            this.config = requireNonNull(config, "config");
        }

        /** The local clock the agent corrects by its measured offset; default the system clock. */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock");
            return this;
        }

        /** Where headless mode writes what plays; default standard output. */
        public Builder playLog(PrintStream playLog) {
            this.playLog = requireNonNull(playLog, "playLog");
            return this;
        }

        Builder timings(Timings timings) {
            this.timings = requireNonNull(timings, "timings");
            return this;
        }

        public PlayerAgent build() {
            return new PlayerAgent(this);
        }
    }
}
