package io.railcast.bench.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.jr.ob.JSON;

/**
 * The few calls of the operators' API ({@code /api/v1}, HTTP Basic) that a benchmark run needs. Public for the chaos
 * benchmark ({@code io.railcast.bench.chaos}), which drives the same server.
 */
public final class AdminApi {

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"next\"");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    public AdminApi(URI base) {
        this.base = base;
    }

    /** A user's sign-in, as the {@code Authorization} header carries it. */
    public record User(String name, String password) {

        public String header() {
            return "Basic "
                    + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every item of a paginated list, following its {@code Link: <…>; rel="next"} a page of 1,000 at a time. */
    public List<Map<String, Object>> list(User user, String path) throws IOException, InterruptedException {
        List<Map<String, Object>> items = new ArrayList<>();
        String next = path + (path.contains("?") ? "&" : "?") + "limit=1000";
        while (next != null) {
            HttpResponse<byte[]> page = send(user, get(next), 200);
            for (Object item : JSON.std.listFrom(page.body())) {
                items.add(asMap(item));
            }
            next = page.headers().firstValue("Link").map(AdminApi::nextPage).orElse(null);
        }
        return items;
    }

    /** The target of a {@code Link} header's {@code rel="next"}; null when it has none. */
    static String nextPage(String link) {
        Matcher next = NEXT.matcher(link);
        return next.find() ? next.group(1) : null;
    }

    public Map<String, Object> object(User user, String path) throws IOException, InterruptedException {
        return JSON.std.mapFrom(call(user, get(path), 200));
    }

    /** The body of a GET, as it came. */
    byte[] raw(User user, String path) throws IOException, InterruptedException {
        return call(user, get(path), 200);
    }

    /** Issues one agent token per screen through the bulk endpoint. */
    List<Fleet.Credentials> issueTokens(User admin, List<String> screens) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                post("/api/v1/agent-tokens", "application/json", JSON.std.asBytes(Map.of("screens", screens)));
        List<Fleet.Credentials> issued = new ArrayList<>();
        for (Object token :
                (List<?>) JSON.std.mapFrom(call(admin, request, 201)).get("tokens")) {
            Map<String, Object> fields = asMap(token);
            issued.add(new Fleet.Credentials((String) fields.get("screenId"), (String) fields.get("token")));
        }
        return issued;
    }

    public void uploadCreative(User planner, String id, int seconds, byte[] png)
            throws IOException, InterruptedException {
        call(
                planner,
                post(
                        "/api/v1/creatives?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&durationSeconds="
                                + seconds + "&screenTypes=LED_LARGE,LCD_FRAME,TV_SET",
                        "image/png",
                        png),
                201);
    }

    /** Books a campaign; answers the created campaign as the server returned it. */
    Map<String, Object> book(User planner, Map<String, Object> campaign) throws IOException, InterruptedException {
        return JSON.std.mapFrom(
                call(planner, post("/api/v1/campaigns", "application/json", JSON.std.asBytes(campaign)), 201));
    }

    /** Starts an emergency takeover as {@code operator}; answers the takeover as the server returned it. */
    Map<String, Object> startTakeover(User operator, Map<String, Object> takeover)
            throws IOException, InterruptedException {
        return JSON.std.mapFrom(
                call(operator, post("/api/v1/takeovers", "application/json", JSON.std.asBytes(takeover)), 201));
    }

    /** Cancels the takeover {@code id} as {@code operator}. */
    void cancelTakeover(User operator, String id) throws IOException, InterruptedException {
        call(operator, post("/api/v1/takeovers/" + id + "/cancel", "application/json", new byte[0]), 200);
    }

    /** One agent token per screen, by screen id, through the bulk endpoint. */
    public Map<String, String> tokens(User admin, List<String> screens) throws IOException, InterruptedException {
        Map<String, String> tokens = new LinkedHashMap<>();
        issueTokens(admin, screens).forEach(issued -> tokens.put(issued.screenId(), issued.token()));
        return tokens;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    private HttpRequest.Builder post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private byte[] call(User user, HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        return send(user, request, expected).body();
    }

    private HttpResponse<byte[]> send(User user, HttpRequest.Builder request, int expected)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(
                request.header("Authorization", user.header())
                        .timeout(Duration.ofMinutes(2))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != expected) {
            throw new IOException(
                    response.request().method() + " " + response.request().uri() + ": HTTP " + response.statusCode()
                            + " " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object item) {
        return (Map<String, Object>) item;
    }
}
