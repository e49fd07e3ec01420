package io.railcast.server.endtoend;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain HTTP forwarder between an agent and the server, so a test sees every call the agent makes and can hold
 * back the server's answer to an upload of plays: the server has stored them, the agent has not heard so. Bodies are
 * streamed through as they come (the event stream included), gzip untouched.
 */
final class AgentProxy implements AutoCloseable {

    /** One forwarded call: when it arrived, "METHOD path", the server's status, and the answer's body for plays. */
    record Call(Instant at, String request, int status, String playsAnswer) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("connection", "content-length", "host", "upgrade", "expect", "transfer-encoding", "keep-alive");

    private final URI target;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<String> heldPlays;
    private final CompletableFuture<Void> release = new CompletableFuture<>();

    AgentProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /**
     * From now on, the next upload of plays is forwarded and answered by the server, but its answer is kept from the
     * agent until {@link #close()}; the returned future completes with that answer once the server gave it.
     */
    CompletableFuture<String> holdNextPlaysAnswer() {
        CompletableFuture<String> held = new CompletableFuture<>();
        heldPlays = held;
        return held;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().toString();
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(path));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            byte[] body = exchange.getRequestBody().readAllBytes();
            request.method(
                    exchange.getRequestMethod(),
                    body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            HttpResponse<InputStream> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                calls.add(new Call(Instant.now(), exchange.getRequestMethod() + " " + path, 502, null));
                exchange.sendResponseHeaders(502, -1);
                return;
            }
            boolean plays = path.startsWith("/agent/v1/plays");
            byte[] answer = plays ? response.body().readAllBytes() : null;
            calls.add(new Call(
                    Instant.now(),
                    exchange.getRequestMethod() + " " + path,
                    response.statusCode(),
                    answer == null ? null : new String(answer, StandardCharsets.UTF_8)));
            CompletableFuture<String> held = heldPlays;
            if (plays && held != null) {
                heldPlays = null;
                held.complete(new String(answer, StandardCharsets.UTF_8));
                release.join(); // the agent never hears; the test kills it meanwhile
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            long length = response.headers().firstValueAsLong("content-length").orElse(0);
            boolean empty = response.statusCode() == 304
                    || response.statusCode() == 204
                    || exchange.getRequestMethod().equals("HEAD")
                    || (length == 0
                            && response.headers().firstValue("content-length").isPresent());
            exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : length);
            if (!empty) {
                try (InputStream in = answer == null ? response.body() : new java.io.ByteArrayInputStream(answer);
                        OutputStream out = exchange.getResponseBody()) {
                    byte[] buffer = new byte[8192];
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        out.write(buffer, 0, n);
                        out.flush(); // server-sent events go on at once
                    }
                }
            }
        } catch (IOException e) {
            // the agent went away (killed, or it closed its event stream): nothing to forward to
        }
    }

    @Override
    public void close() {
        release.complete(null);
        server.stop(0);
        threads.shutdownNow();
    }
}
