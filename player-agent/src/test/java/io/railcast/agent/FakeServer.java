package io.railcast.agent;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP server on a loopback port standing in for scheduler-server in unit tests: routes by exact path, can be
 * re-routed while a test runs, and records every request it received.
 */
public final class FakeServer implements AutoCloseable {

    public interface Route {
        void handle(HttpExchange exchange, byte[] body) throws IOException;
    }

    public record Request(String method, String path, String query, Headers headers, byte[] body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private FakeServer(HttpServer server) {
        this.server = server;
        server.createContext("/", this::dispatch);
        server.setExecutor(executor);
        server.start();
    }

    public static FakeServer start() throws IOException {
        return start(0);
    }

    public static FakeServer start(int port) throws IOException {
        return new FakeServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void route(String path, Route route) {
        routes.put(path, route);
    }

    public void json(String path, int status, String json) {
        route(
                path,
                (exchange, body) -> send(exchange, status, "application/json", json.getBytes(StandardCharsets.UTF_8)));
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    public static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Serves {@code bytes} honouring {@code Range: bytes=N-}, but drops the connection after {@code cutAfter} bytes. */
    public static void serveMedia(HttpExchange exchange, byte[] bytes, long cutAfter) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher matcher = range == null ? null : RANGE.matcher(range);
        int from = matcher != null && matcher.matches() ? Integer.parseInt(matcher.group(1)) : 0;
        exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
        if (from > 0) {
            exchange.getResponseHeaders()
                    .set("Content-Range", "bytes " + from + "-" + (bytes.length - 1) + "/" + bytes.length);
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, bytes.length - from);
        OutputStream out = exchange.getResponseBody();
        int length = (int) Math.min(bytes.length - from, cutAfter);
        out.write(bytes, from, length);
        out.flush();
        if (length < bytes.length - from) {
            throw new IOException("cut on purpose after " + length + " bytes"); // the server drops the connection
        }
        out.close();
    }

    public static void serveMedia(HttpExchange exchange, byte[] bytes) throws IOException {
        serveMedia(exchange, bytes, Long.MAX_VALUE);
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        URI uri = exchange.getRequestURI();
        requests.add(new Request(
                exchange.getRequestMethod(), uri.getPath(), uri.getQuery(), exchange.getRequestHeaders(), body));
        Route route = routes.get(uri.getPath());
        try {
            if (route == null) {
                send(exchange, 404, "text/plain", "no route".getBytes(StandardCharsets.UTF_8));
            } else {
                route.handle(exchange, body);
            }
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
