package io.railcast.agent.net;

import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.NamedPlans;
import io.railcast.agent.protocol.PlayRecord;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduleJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * The agent's side of docs/agent-protocol.md over the JDK's HTTP client: every call carries the screen's token, and
 * every answer other than success becomes a {@link ServerRefusal}.
 *
 * <p>After a {@code 401} the client makes no more calls (each fails at once) until {@link #useToken} gives it a new
 * token: a revoked token stays revoked, and thousands of screens retrying one would only load the server.
 */
public final class ServerClient implements MediaSource {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MEDIA_IDLE = Duration.ofSeconds(60);
    /** Plans fetched at once: a handful of connections, not one per plan of a first start. */
    public static final int PLAN_FETCHES = 8;

    private static final System.Logger LOG = System.getLogger(ServerClient.class.getName());

    private final URI base;
    private final HttpClient http;
    private final PlanFetches plans;
    private volatile String token;
    private volatile boolean tokenRejected;

    public ServerClient(URI base, String token, HttpClient http) {
        this.base = base;
        this.token = token;
        this.http = http;
        this.plans = new PlanFetches(this, http, PLAN_FETCHES);
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // the protocol is HTTP/1.1; no h2c upgrade attempts
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** A schedule body the server sent (not a {@code 304}), with the ETag to send next time. */
    public record FetchedSchedule(Schedule schedule, byte[] body, String etag) {}

    /**
     * The schedule for {@code hours} hours, or empty when {@code etag} still matches ({@code 304}). An agent that
     * holds plans ({@code known}, by id) asks for an answer naming them: those it holds are taken as they are, the
     * others fetched by id, {@value #PLAN_FETCHES} at a time; one that holds none (a first start) asks for them all
     * in the answer. The body returned is whole, plans included, as the store keeps it.
     */
    public Optional<FetchedSchedule> schedule(int hours, String etag, Map<String, HourPlan> known)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = request("schedule?" + (known.isEmpty() ? "" : "plans=ids&") + "hours=" + hours)
                .header("Accept-Encoding", "gzip")
                .GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 304) {
            return Optional.empty();
        }
        byte[] body = NamedPlans.whole(decoded(response), known, plans::take);
        Schedule schedule = ScheduleJson.parse(body, known);
        return Optional.of(new FetchedSchedule(
                schedule, body, response.headers().firstValue("ETag").orElse(null)));
    }

    /**
     * Starts fetching the plans of {@code ids} in the background, {@value #PLAN_FETCHES} at a time, for a schedule
     * answer about to be asked for: a {@code schedule} event names the plans of the hours it changed, so they arrive
     * while the answer is on its way rather than after it.
     */
    public void prefetchPlans(Collection<String> ids) {
        plans.prefetch(ids);
    }

    /** The body of a successful answer, inflated when the server gzipped it. */
    byte[] decoded(HttpResponse<byte[]> response) throws IOException {
        byte[] body = check(response);
        if (response.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equalsIgnoreCase)
                .isPresent()) {
            try (InputStream gunzip = new GZIPInputStream(new ByteArrayInputStream(body))) {
                return gunzip.readAllBytes();
            }
        }
        return body;
    }

    /**
     * What the server did with a batch of plays; a play in none of the lists stays journaled and is sent again.
     *
     * @param stored     plays the server holds: accepted, duplicates, and those it keeps without counting them
     * @param notCounted of {@code stored}, those it keeps without counting them (a late start, a slot played
     *                   already...), with why: nothing to set aside, since the server has them
     * @param rejected   plays the server refused for good, with why: set aside, never sent again
     */
    public record PlaysAnswer(Set<UUID> stored, Map<UUID, String> notCounted, Map<UUID, String> rejected) {}

    public PlaysAnswer plays(List<PlayRecord> plays) throws IOException, InterruptedException {
        byte[] body = JsonObject.write(
                Map.of("plays", plays.stream().map(PlayRecord::toJson).toList()));
        JsonObject answer = JsonObject.parse(check(send(post("plays", body))));
        Set<UUID> stored = new HashSet<>();
        for (String id : answer.strings("accepted")) {
            stored.add(UUID.fromString(id));
        }
        for (String id : answer.strings("duplicates")) {
            stored.add(UUID.fromString(id));
        }
        Map<UUID, String> notCounted = new LinkedHashMap<>();
        Map<UUID, String> rejected = new LinkedHashMap<>();
        for (JsonObject refusal : answer.array("rejected")) {
            UUID playId = UUID.fromString(refusal.string("playId"));
            String reason = refusal.string("reason", "no reason given");
            if (refusal.bool("stored", false)) {
                stored.add(playId);
                notCounted.put(playId, reason);
            } else {
                rejected.put(playId, reason);
            }
        }
        return new PlaysAnswer(stored, notCounted, rejected);
    }

    /** Sends a heartbeat and returns the server's time from its answer. */
    public Instant status(StatusReport report) throws IOException, InterruptedException {
        return JsonObject.parse(check(send(post("status", report.toJson())))).instant("serverTime");
    }

    /** Opens the event stream; the caller reads it and closes it. */
    InputStream events(String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                request("events").header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return streamed(request.build());
    }

    @Override
    public Body open(MediaFile file, long from) throws IOException, InterruptedException {
        URI url = base.resolve(file.url());
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (sameOrigin(url)) {
            request.header("Authorization", "Bearer " + token); // never hand the screen's token to another host
        }
        if (from > 0) {
            request.header("Range", "bytes=" + from + "-");
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = checkStreamed(response);
        boolean partial = response.statusCode() == 206
                && response.headers()
                        .firstValue("Content-Range")
                        .filter(r -> r.startsWith("bytes " + from + "-"))
                        .isPresent();
        if (response.statusCode() == 206 && !partial) {
            body.close();
            throw new ServerRefusal(206, "media " + file.creative() + " came from another byte than " + from, null);
        }
        return new Body(partial, new IdleStream(body, MEDIA_IDLE));
    }

    private boolean sameOrigin(URI url) {
        return base.getScheme().equalsIgnoreCase(url.getScheme())
                && base.getHost().equalsIgnoreCase(url.getHost())
                && port(base) == port(url);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    public void useToken(String newToken) {
        token = newToken;
        tokenRejected = false;
    }

    public boolean tokenRejected() {
        return tokenRejected;
    }

    HttpRequest.Builder request(String path) throws ServerRefusal {
        if (tokenRejected) {
            throw new ServerRefusal(401, "token revoked or unknown; not calling the server until reconfigured", null);
        }
        return HttpRequest.newBuilder(base.resolve("/agent/v1/" + path))
                .header("Authorization", "Bearer " + token)
                .timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest post(String path, byte[] json) throws ServerRefusal {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private InputStream streamed(HttpRequest request) throws IOException, InterruptedException {
        return checkStreamed(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    }

    private InputStream checkStreamed(HttpResponse<InputStream> response) throws IOException {
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        byte[] problem;
        try (InputStream body = response.body()) {
            problem = body.readNBytes(16 * 1024);
        }
        throw refusal(response.statusCode(), response.headers().firstValue("Retry-After"), problem);
    }

    private byte[] check(HttpResponse<byte[]> response) throws ServerRefusal {
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        throw refusal(response.statusCode(), response.headers().firstValue("Retry-After"), response.body());
    }

    private ServerRefusal refusal(int status, Optional<String> retryAfter, byte[] problem) {
        String detail = ProblemText.describe(status, problem);
        if (status == 401) {
            if (!tokenRejected) {
                LOG.log(
                        System.Logger.Level.ERROR,
                        "token revoked or unknown (" + detail + "): the agent stops calling "
                                + "the server and keeps playing from its cache until it is given a new token");
            }
            tokenRejected = true;
        }
        return new ServerRefusal(
                status, detail, retryAfter.flatMap(RetryAfter::parse).orElse(null));
    }
}
