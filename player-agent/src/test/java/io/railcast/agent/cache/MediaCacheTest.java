package io.railcast.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.agent.FakeServer;
import io.railcast.agent.TestBytes;
import io.railcast.agent.net.ServerClient;
import io.railcast.agent.net.ServerRefusal;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.Schedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaCacheTest {

    @TempDir
    Path directory;

    private FakeServer server;
    private ServerClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = FakeServer.start();
        client = new ServerClient(server.uri(), "screen-token", ServerClient.newHttpClient());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    static byte[] bytes(int size, long seed) {
        return TestBytes.bytes(size, seed);
    }

    static String sha256(byte[] bytes) {
        return TestBytes.sha256(bytes);
    }

    static MediaFile media(String creative, byte[] bytes) {
        return new MediaFile(creative, "/agent/v1/media/" + creative, sha256(bytes), bytes.length, 15);
    }

    private MediaCache cache(long maxBytes) throws IOException {
        return new MediaCache(directory.resolve("media"), maxBytes);
    }

    @Test
    void storesADownloadedFileUnderItsDigestOnceSizeAndDigestAreVerified() throws Exception {
        byte[] bytes = bytes(300_000, 1);
        server.route("/agent/v1/media/CR-1", (exchange, body) -> FakeServer.serveMedia(exchange, bytes));
        MediaCache cache = cache(10_000_000);

        cache.fetch(media("CR-1", bytes), client);

        assertThat(directory.resolve("media").resolve(sha256(bytes))).hasBinaryContent(bytes);
        assertThat(cache.has(media("CR-1", bytes))).isTrue();
        assertThat(server.requests("/agent/v1/media/CR-1").get(0).header("Authorization"))
                .isEqualTo("Bearer screen-token");
    }

    @Test
    void aFileAlreadyCachedIsNotFetchedAgain() throws Exception {
        byte[] bytes = bytes(1000, 2);
        server.route("/agent/v1/media/CR-1", (exchange, body) -> FakeServer.serveMedia(exchange, bytes));
        MediaCache cache = cache(10_000_000);

        cache.fetch(media("CR-1", bytes), client);
        cache.fetch(media("CR-1", bytes), client);

        assertThat(server.requests("/agent/v1/media/CR-1")).hasSize(1);
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequestFromWhereItStopped() throws Exception {
        byte[] bytes = bytes(500_000, 3);
        AtomicInteger attempts = new AtomicInteger();
        server.route(
                "/agent/v1/media/CR-1",
                (exchange, body) -> FakeServer.serveMedia(
                        exchange, bytes, attempts.incrementAndGet() == 1 ? 200_000 : Long.MAX_VALUE));
        MediaCache cache = cache(10_000_000);

        assertThatThrownBy(() -> cache.fetch(media("CR-1", bytes), client)).isInstanceOf(IOException.class);
        long kept = Files.size(directory.resolve("media").resolve(sha256(bytes) + ".part"));
        cache.fetch(media("CR-1", bytes), client);

        assertThat(kept).isPositive().isLessThanOrEqualTo(200_000);
        assertThat(server.requests("/agent/v1/media/CR-1").get(1).header("Range"))
                .isEqualTo("bytes=" + kept + "-");
        assertThat(directory.resolve("media").resolve(sha256(bytes))).hasBinaryContent(bytes);
        assertThat(directory.resolve("media").resolve(sha256(bytes) + ".part")).doesNotExist();
    }

    @Test
    void aServerThatIgnoresTheRangeHasItsWholeFileWrittenFromTheStart() throws Exception {
        byte[] bytes = bytes(50_000, 4);
        Path part = Files.createDirectories(directory.resolve("media")).resolve(sha256(bytes) + ".part");
        Files.write(part, bytes(20_000, 99)); // a stale part that is not even a prefix
        server.route(
                "/agent/v1/media/CR-1",
                (exchange, body) -> FakeServer.send(exchange, 200, "application/octet-stream", bytes));

        cache(10_000_000).fetch(media("CR-1", bytes), client);

        assertThat(server.requests("/agent/v1/media/CR-1").get(0).header("Range"))
                .isEqualTo("bytes=20000-");
        assertThat(directory.resolve("media").resolve(sha256(bytes))).hasBinaryContent(bytes);
    }

    @Test
    void aCorruptedFileIsRefusedDeletedAndFetchedWholeNextTime() throws Exception {
        byte[] bytes = bytes(40_000, 5);
        byte[] corrupted = bytes.clone();
        corrupted[12_345] ^= 0x40;
        AtomicInteger attempts = new AtomicInteger();
        server.route(
                "/agent/v1/media/CR-1",
                (exchange, body) ->
                        FakeServer.serveMedia(exchange, attempts.incrementAndGet() == 1 ? corrupted : bytes));
        MediaCache cache = cache(10_000_000);

        assertThatThrownBy(() -> cache.fetch(media("CR-1", bytes), client))
                .isInstanceOf(MediaCache.Mismatch.class)
                .hasMessageContaining("deleted");
        assertThat(cache.has(media("CR-1", bytes))).isFalse();
        try (var files = Files.list(directory.resolve("media"))) {
            assertThat(files).isEmpty();
        }

        cache.fetch(media("CR-1", bytes), client);
        assertThat(server.requests("/agent/v1/media/CR-1").get(1).header("Range"))
                .isNull();
        assertThat(cache.has(media("CR-1", bytes))).isTrue();
    }

    @Test
    void aFileLongerThanAnnouncedIsRefused() throws Exception {
        byte[] bytes = bytes(10_000, 6);
        server.route("/agent/v1/media/CR-1", (exchange, body) -> FakeServer.serveMedia(exchange, bytes(12_000, 6)));

        assertThatThrownBy(() -> cache(10_000_000).fetch(media("CR-1", bytes), client))
                .isInstanceOf(MediaCache.Mismatch.class)
                .hasMessageContaining("longer");
    }

    @Test
    void evictsTheOldestFilesNoScheduleNeedsToMakeRoom() throws Exception {
        byte[] old = bytes(40_000, 7);
        byte[] kept = bytes(40_000, 8);
        byte[] fresh = bytes(40_000, 9);
        server.route("/agent/v1/media/OLD", (exchange, body) -> FakeServer.serveMedia(exchange, old));
        server.route("/agent/v1/media/KEPT", (exchange, body) -> FakeServer.serveMedia(exchange, kept));
        server.route("/agent/v1/media/NEW", (exchange, body) -> FakeServer.serveMedia(exchange, fresh));
        MediaCache cache = cache(100_000);
        cache.fetch(media("OLD", old), client);
        cache.fetch(media("KEPT", kept), client);
        Files.setLastModifiedTime(cache.file(media("KEPT", kept)), FileTime.fromMillis(0)); // older, but needed

        cache.keep(Set.of(sha256(kept), sha256(fresh)));
        cache.fetch(media("NEW", fresh), client);

        assertThat(cache.has(media("OLD", old))).isFalse();
        assertThat(cache.has(media("KEPT", kept))).isTrue();
        assertThat(cache.has(media("NEW", fresh))).isTrue();
        assertThat(cache.usage()).isEqualTo(new MediaCache.Usage(2, 80_000));
    }

    @Test
    void refusesADownloadWhenTheFilesTheHorizonNeedsAlreadyFillTheQuota() throws Exception {
        byte[] first = bytes(60_000, 10);
        byte[] second = bytes(60_000, 11);
        server.route("/agent/v1/media/A", (exchange, body) -> FakeServer.serveMedia(exchange, first));
        server.route("/agent/v1/media/B", (exchange, body) -> FakeServer.serveMedia(exchange, second));
        MediaCache cache = cache(100_000);
        cache.keep(Set.of(sha256(first), sha256(second)));
        cache.fetch(media("A", first), client);

        assertThatThrownBy(() -> cache.fetch(media("B", second), client))
                .isInstanceOf(MediaCache.Full.class)
                .hasMessageContaining("100000 bytes");
        assertThat(cache.has(media("A", first))).isTrue();
        assertThat(server.requests("/agent/v1/media/B")).isEmpty();
    }

    @Test
    void stopsPrefetchingAtOnceWhenTheServerSaysItIsOverloaded() throws Exception {
        byte[] one = bytes(1000, 12);
        byte[] two = bytes(2000, 13);
        server.route("/agent/v1/media/CR-0001", (exchange, body) -> {
            exchange.getResponseHeaders().set("Retry-After", "30");
            FakeServer.send(exchange, 503, "application/problem+json", "{\"status\":503}".getBytes());
        });
        server.route("/agent/v1/media/CR-0100", (exchange, body) -> FakeServer.serveMedia(exchange, two));
        Schedule schedule =
                ScheduleFixture.withMedia(media("CR-0001", one), media("CR-0100", two), media("CR-0101", two));

        assertThatThrownBy(() -> cache(10_000_000).prefetch(schedule, client))
                .isInstanceOfSatisfying(
                        ServerRefusal.class,
                        refusal -> assertThat(refusal.status()).isEqualTo(503));
        assertThat(server.requests("/agent/v1/media/CR-0100")).isEmpty();
    }

    @Test
    void countsTheMissingFilesOfAScheduleSoAVersionIsPlayedOnlyWhenNoneIsMissing() throws Exception {
        byte[] one = bytes(1000, 12);
        byte[] two = bytes(2000, 13);
        server.route("/agent/v1/media/CR-0001", (exchange, body) -> FakeServer.serveMedia(exchange, one));
        server.route("/agent/v1/media/CR-0100", (exchange, body) -> FakeServer.serveMedia(exchange, two));
        Schedule schedule =
                ScheduleFixture.withMedia(media("CR-0001", one), media("CR-0100", two), media("CR-0101", two));
        MediaCache cache = cache(10_000_000);
        cache.fetch(media("CR-0001", one), client);

        assertThat(cache.missing(schedule)).isEqualTo(1); // CR-0100 and CR-0101 share one file

        cache.prefetch(schedule, client);
        assertThat(cache.missing(schedule)).isZero();
        assertThat(server.requests("/agent/v1/media/CR-0001")).hasSize(1);
    }
}
