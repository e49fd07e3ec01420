package io.railcast.agent.kiosk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.railcast.agent.net.ServerClock;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Kiosk mode's local web server, on 127.0.0.1 only: the page a full-screen browser shows ({@code /}), the feed of what
 * is on screen now and next as JSON ({@code /feed}) and as Server-Sent Events pushed whenever it changes
 * ({@code /events}), and the cached media by digest ({@code /media/<sha256>}, with byte ranges for video).
 *
 * <p>Requests whose {@code Host} is not this loopback address are refused, so a web page elsewhere cannot read the
 * feed through DNS rebinding. Runs on daemon threads named {@code railcast-kiosk}; at most {@link #MAX_STREAMS} event
 * streams are open at once, so a browser that reloads in a loop cannot use up the threads.
 */
public final class KioskServer implements AutoCloseable {

    static final String MEDIA_PATH = "/media/";
    static final int MAX_STREAMS = 4;

    private static final System.Logger LOG = System.getLogger(KioskServer.class.getName());
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** The feed is recomputed at least this often for open streams, to follow a new clock offset promptly. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final HttpServer server;
    private final ExecutorService threads;
    private final KioskFeed feed;
    private final Programme programme;
    private final ServerClock clock;
    private final byte[] page;
    private final AtomicInteger streams = new AtomicInteger();
    private volatile boolean closed;

    private KioskServer(HttpServer server, KioskFeed feed, Programme programme, ServerClock clock, byte[] page) {
        this.server = server;
        this.feed = feed;
        this.programme = programme;
        this.clock = clock;
        this.page = page;
        AtomicInteger count = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(
                1,
                16,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "railcast-kiosk-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.CallerRunsPolicy());
        server.createContext("/", this::handle);
        server.setExecutor(threads);
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) and serves until {@link #close()}. */
    public static KioskServer start(KioskFeed feed, Programme programme, ServerClock clock, int port)
            throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new PortUnavailable("cannot serve the kiosk page on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        KioskServer kiosk = new KioskServer(server, feed, programme, clock, page());
        server.start();
        return kiosk;
    }

    /** The kiosk page's port is taken or not ours to use. */
    public static final class PortUnavailable extends IOException {
        private static final long serialVersionUID = 1L;

        PortUnavailable(String message, IOException cause) {
            super(message, cause);
        }
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Override
    public void close() {
        closed = true;
        programme.wake(); // the event streams wait on the programme
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!isLoopback(exchange.getRequestHeaders().getFirst("Host"))) {
                problem(
                        exchange,
                        403,
                        "Host",
                        "the kiosk page is served to this machine only, as 127.0.0.1:"
                                + server.getAddress().getPort() + " or localhost");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET");
                problem(exchange, 405, "method", "only GET is served here");
            } else if (path.equals("/")) {
                send(exchange, 200, "text/html; charset=utf-8", page);
            } else if (path.equals("/feed")) {
                send(
                        exchange,
                        200,
                        "application/json; charset=utf-8",
                        feed.now().json());
            } else if (path.equals("/events")) {
                events(exchange);
            } else if (path.startsWith(MEDIA_PATH)) {
                media(exchange, path.substring(MEDIA_PATH.length()));
            } else {
                problem(exchange, 404, "path", "nothing at " + path + "; the page is at /");
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "kiosk request ended early: " + e.getMessage()); // the browser went
        }
    }

    /** Pushes the feed whenever the page would do something different with it, and a comment now and then. */
    private void events(HttpExchange exchange) throws IOException {
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            exchange.getResponseHeaders().set("Retry-After", "5");
            problem(exchange, 503, "path", "already " + MAX_STREAMS + " event streams open; close a page first");
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 1000\n\n");
            KioskFeed.Feed sent = null;
            Instant wrote = clock.instant();
            while (!closed) {
                KioskFeed.Feed now = feed.now();
                if (!now.sameAs(sent)) {
                    write(out, "data: " + new String(now.json(), StandardCharsets.UTF_8) + "\n\n");
                    sent = now;
                    wrote = now.now();
                } else if (!now.now().isBefore(wrote.plus(KEEP_ALIVE))) {
                    write(out, ": keep-alive\n\n"); // fails once the browser has gone: that ends this stream
                    wrote = now.now();
                }
                Instant recheck = now.now().plus(RECHECK);
                programme.awaitChange(now.changesAt().isBefore(recheck) ? now.changesAt() : recheck, clock);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private void media(HttpExchange exchange, String digest) throws IOException {
        if (!DIGEST.matcher(digest).matches()) {
            problem(exchange, 400, "digest", "'" + digest + "' is not 64 lower-case hex digits");
            return;
        }
        Path file = feed.mediaFile(digest);
        Optional<CreativeFormat> format = feed.format(digest);
        if (format.isEmpty() || !Files.isRegularFile(file)) {
            problem(exchange, 404, "digest", "no playable media file " + digest + " in the cache");
            return;
        }
        long size = Files.size(file);
        Optional<ByteRange> range;
        try {
            range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
        } catch (ByteRange.Unsatisfiable e) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
            problem(exchange, 416, "Range", e.getMessage() + " is outside the file's " + size + " bytes");
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", format.get().mimeType());
        headers.set("Accept-Ranges", "bytes");
        headers.set("Cache-Control", "public, max-age=31536000, immutable"); // named by its content
        headers.set("ETag", "\"" + digest + "\"");
        range.ifPresent(r -> headers.set("Content-Range", r.contentRange()));
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(size);
        exchange.sendResponseHeaders(range.isPresent() ? 206 : 200, length == 0 ? -1 : length);
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = exchange.getResponseBody()) {
            in.skipNBytes(first);
            byte[] buffer = new byte[64 * 1024];
            long left = length;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }

    private boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        int port = server.getAddress().getPort();
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("127.0.0.1:" + port) || name.equals("localhost:" + port) || name.equals("[::1]:" + port);
    }

    private static void problem(HttpExchange exchange, int status, String field, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status));
        body.put("status", status);
        body.put("detail", detail);
        body.put("errors", List.of(Map.of("field", field, "message", detail)));
        send(exchange, status, "application/problem+json", JsonObject.write(body));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 416 -> "Range Not Satisfiable";
            default -> "Service Unavailable";
        };
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-store"));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static byte[] page() {
        try (InputStream in = KioskServer.class.getResourceAsStream("kiosk.html")) {
            if (in == null) {
                throw new IllegalStateException("kiosk.html is missing from the agent's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
