package io.railcast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.TestBytes;
import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.net.ServerClock;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduledHour;
import io.railcast.agent.protocol.Spot;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kiosk server over real HTTP on a loopback port: the page, the feed, its event stream, media, refusals. */
class KioskServerTest {

    private static final Instant HOUR = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);

    @TempDir
    Path directory;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Programme programme = new Programme();
    private MediaCache cache;
    private KioskServer server;
    private byte[] png;
    private MediaFile media;

    @BeforeEach
    void start() throws IOException {
        ServerClock clock = new ServerClock(Clock.systemUTC());
        cache = new MediaCache(directory.resolve("media"), 1 << 20);
        server = KioskServer.start(new KioskFeed(programme, clock, cache), programme, clock, 0);
        png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 1000);
        png[999] = 7;
        media = new MediaFile("CR-北京南", "/agent/v1/media/x", TestBytes.sha256(png), png.length, 3600);
        Files.write(cache.file(media), png);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Schedule schedule() {
        HourPlan plan = new HourPlan(0, 3600, List.of(new Spot(0, 3600, "C-1", media.creative(), "COMMERCIAL")));
        return new Schedule(
                "BJN-LCD-0001",
                42,
                HOUR,
                ZoneId.of("Asia/Shanghai"),
                HOUR,
                HOUR.plusSeconds(7200),
                List.of(new ScheduledHour(HOUR, "p"), new ScheduledHour(HOUR.plusSeconds(3600), "p")),
                Map.of("p", plan),
                Map.of(media.creative(), media),
                "p");
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void servesThePageAndTheFeedInUtf8() throws Exception {
        programme.offer(schedule());

        HttpResponse<byte[]> page = get("/");
        HttpResponse<byte[]> feed = get("/feed");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("旅途愉快", "new EventSource('/events')");
        assertThat(feed.headers().firstValue("Cache-Control")).contains("no-store");
        JsonObject slot = JsonObject.parse(feed.body()).array("slots").get(0);
        assertThat(slot.string("creative")).isEqualTo("CR-北京南");
        assertThat(slot.string("media")).isEqualTo("/media/" + media.sha256());
    }

    @Test
    void servesMediaWholeOrByRangeWithItsKind() throws Exception {
        HttpResponse<byte[]> whole = get("/media/" + media.sha256());
        HttpResponse<byte[]> part = get("/media/" + media.sha256(), "Range", "bytes=990-");
        HttpResponse<byte[]> outside = get("/media/" + media.sha256(), "Range", "bytes=1000-");

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(png);
        assertThat(whole.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(whole.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 990-999/1000");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(png, 990, 1000));
        assertThat(outside.statusCode()).isEqualTo(416);
        assertThat(outside.headers().firstValue("Content-Range")).contains("bytes */1000");
    }

    @Test
    void refusesBadRequestsWithAProblemNamingTheField() throws Exception {
        assertProblem(get("/media/../../etc/passwd"), 400, "digest");
        assertProblem(get("/media/ABC"), 400, "digest");
        assertProblem(get("/media/" + "0".repeat(64)), 404, "digest");
        assertProblem(get("/nothing"), 404, "path");
        HttpResponse<byte[]> post = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/feed"))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertProblem(post, 405, "method");
    }

    @Test
    void refusesAnotherHostNameSoNoWebPageCanReadItThroughDnsRebinding() throws Exception {
        try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /feed HTTP/1.1\r\nHost: rebound.example.com\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 403").contains("\"field\":\"Host\"");
        }
    }

    @Test
    void pushesTheFeedAtOnceWhenAScheduleArrives() throws Exception {
        HttpResponse<Stream<String>> events = http.send(
                HttpRequest.newBuilder(server.uri().resolve("/events")).build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(events.headers().firstValue("Content-Type")).contains("text/event-stream; charset=utf-8");
        Iterator<String> lines =
                events.body().filter(line -> line.startsWith("data: ")).iterator();
        assertThat(lines.next()).contains("\"show\":\"standby\"");

        programme.offer(schedule());

        String pushed = CompletableFuture.supplyAsync(lines::next).get(5, TimeUnit.SECONDS);
        assertThat(pushed).contains("\"version\":42", "\"show\":\"creative\"", "CR-北京南");
        events.body().close();
    }

    private static void assertProblem(HttpResponse<byte[]> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonObject problem = JsonObject.parse(response.body());
        assertThat(problem.integer("status")).isEqualTo(status);
        assertThat(problem.array("errors").get(0).string("field")).isEqualTo(field);
    }
}
