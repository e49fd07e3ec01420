package io.railcast.server.creative;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.ServerIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/** {@code /api/v1/creatives}: uploads streamed to disk with their digest, downloads with ETag and ranges. */
class CreativeApiIT extends ServerIntegrationTest {

    @Test
    void storesAMultipartUploadUnderItsRealDigest() throws Exception {
        byte[] video = mp4(300_000, 1);
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form("CR-FORM", "15", "lcd_frame,TV_SET", video, "video/mp4")
                        .build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .location("/api/v1/creatives/CR-FORM")
                .expectBody()
                .jsonPath("$.sha256")
                .isEqualTo(sha256(video))
                .jsonPath("$.sizeBytes")
                .isEqualTo(video.length)
                .jsonPath("$.contentType")
                .isEqualTo("video/mp4")
                .jsonPath("$.durationSeconds")
                .isEqualTo(15)
                .jsonPath("$.screenTypes[0]")
                .isEqualTo("LCD_FRAME")
                .jsonPath("$.screenTypes[1]")
                .isEqualTo("TV_SET");
        Path stored =
                Path.of(sql().queryForObject("select media_path from creative where id = 'CR-FORM'", String.class));
        assertThat(stored).isAbsolute().hasFileName(sha256(video));
        assertThat(Files.readAllBytes(stored)).isEqualTo(video);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void storesARawUploadWithTheMetadataInTheQuery() {
        byte[] image = jpeg(5_000, 2);
        as("csr")
                .post()
                .uri("/api/v1/creatives?id=CR-RAW&durationSeconds=10&screenTypes=LED_LARGE")
                .contentType(MediaType.IMAGE_JPEG)
                .bodyValue(image)
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.sha256")
                .isEqualTo(sha256(image))
                .jsonPath("$.contentType")
                .isEqualTo("image/jpeg");
        admin().get()
                .uri("/api/v1/creatives/CR-RAW")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.mediaUrl")
                .isEqualTo("/api/v1/creatives/CR-RAW/media");
    }

    @Test
    void servesTheMediaWithItsDigestAsETagAndResumesWithARange() {
        byte[] video = mp4(200_000, 3);
        admin().post()
                .uri("/api/v1/creatives?id=CR-GET&durationSeconds=30&screenTypes=TV_SET")
                .contentType(MediaType.parseMediaType("video/mp4"))
                .bodyValue(video)
                .exchange()
                .expectStatus()
                .isCreated();
        String etag = "\"" + sha256(video) + "\"";

        as("operator")
                .get()
                .uri("/api/v1/creatives/CR-GET/media")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, etag)
                .expectHeader()
                .valueEquals(HttpHeaders.ACCEPT_RANGES, "bytes")
                .expectHeader()
                .contentLength(video.length)
                .expectHeader()
                .contentType("video/mp4")
                .expectBody(byte[].class)
                .isEqualTo(video);
        as("operator")
                .get()
                .uri("/api/v1/creatives/CR-GET/media")
                .header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange()
                .expectStatus()
                .isNotModified();
        // the first 123,456 bytes arrived before the connection broke
        as("operator")
                .get()
                .uri("/api/v1/creatives/CR-GET/media")
                .header(HttpHeaders.RANGE, "bytes=123456-")
                .exchange()
                .expectStatus()
                .isEqualTo(206)
                .expectHeader()
                .valueEquals(HttpHeaders.CONTENT_RANGE, "bytes 123456-199999/200000")
                .expectBody(byte[].class)
                .isEqualTo(Arrays.copyOfRange(video, 123_456, video.length));
    }

    @Test
    void refusesAnUploadOverTheLimitAndKeepsNothing() throws Exception {
        long files = mediaFiles();
        admin().post()
                .uri("/api/v1/creatives?id=CR-BIG&durationSeconds=15&screenTypes=TV_SET")
                .contentType(MediaType.parseMediaType("video/mp4"))
                .bodyValue(bytes(MAX_MEDIA_BYTES + 1, 4))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("body")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).contains("must not be larger"));
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(
                        form("CR-BIG", "15", "TV_SET", bytes(MAX_MEDIA_BYTES + 1, 4), "video/mp4")
                                .build()))
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("file");
        assertThat(count("creative where id = 'CR-BIG'")).isZero();
        assertThat(mediaFiles()).isEqualTo(files);
    }

    @Test
    void refusesAStreamThatGrowsOverTheLimitWithoutADeclaredLength() throws Exception {
        long files = mediaFiles();
        int chunk = 64 * 1024;
        Flux<DataBuffer> body = Flux.range(0, MAX_MEDIA_BYTES / chunk + 2)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(bytes(chunk, i)));
        admin().post()
                .uri("/api/v1/creatives?id=CR-STREAM&durationSeconds=15&screenTypes=TV_SET")
                .contentType(MediaType.parseMediaType("video/mp4"))
                .body(BodyInserters.fromDataBuffers(body))
                .exchange()
                .expectStatus()
                .isEqualTo(413);
        assertThat(count("creative where id = 'CR-STREAM'")).isZero();
        assertThat(mediaFiles()).isEqualTo(files);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void refusesWhatIsNeitherVideoNorImageNamingTheField() {
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form("CR-TXT", "15", "TV_SET", "hello".getBytes(), "text/plain")
                        .build()))
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("file")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).contains("text/plain"));
        admin().post()
                .uri("/api/v1/creatives?id=CR-JSON&durationSeconds=15&screenTypes=TV_SET")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isEqualTo(415)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("Content-Type");
        assertThat(count("creative where id in ('CR-TXT', 'CR-JSON')")).isZero();
    }

    @Test
    void refusesMissingAndWrongMetadataNamingEveryField() {
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form("bad id!", "zero", "PLASMA", bytes(100, 5), "video/mp4")
                        .build()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id")
                .jsonPath("$.errors[1].field")
                .isEqualTo("durationSeconds")
                .jsonPath("$.errors[2].field")
                .isEqualTo("screenTypes")
                .jsonPath("$.errors[2].message")
                .value(m -> assertThat(m.toString()).contains("PLASMA"));
        assertThat(incoming()).isEmpty();
    }

    @Test
    void storesAFileWhoseDeclaredDigestMatchesAndRefusesOneDamagedOnTheWay() throws Exception {
        byte[] video = mp4(70_000, 9);
        MultipartBodyBuilder checked = form("CR-SUM", "15", "TV_SET", video, "video/mp4");
        checked.part("sha256", sha256(video).toUpperCase(Locale.ROOT));
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(checked.build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.sha256")
                .isEqualTo(sha256(video));
        long files = mediaFiles();
        byte[] damaged = video.clone();
        damaged[12_345] ^= 1;
        admin().post()
                .uri("/api/v1/creatives?id=CR-DAMAGED&durationSeconds=15&screenTypes=TV_SET&sha256=" + sha256(video))
                .contentType(MediaType.parseMediaType("video/mp4"))
                .bodyValue(damaged)
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("sha256")
                .jsonPath("$.errors[0].message")
                .value(m -> assertThat(m.toString()).contains(sha256(damaged)));
        MultipartBodyBuilder malformed = form("CR-DAMAGED", "15", "TV_SET", video, "video/mp4");
        malformed.part("sha256", "not-a-digest");
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(malformed.build()))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("sha256");
        assertThat(count("creative where id = 'CR-DAMAGED'")).isZero();
        assertThat(mediaFiles()).isEqualTo(files);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void keepsTheFirstFilePartAndEveryFieldInWhateverOrderTheyCome() throws Exception {
        byte[] video = mp4(40_000, 10);
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("screenTypes", "TV_SET");
        form.part("file", named(video)).contentType(MediaType.parseMediaType("video/mp4"));
        form.part("attachment", named(bytes(500, 11))).contentType(MediaType.IMAGE_PNG);
        form.part("file", named(bytes(600, 12))).contentType(MediaType.IMAGE_PNG);
        form.part("durationSeconds", "10");
        form.part("id", "CR-ORDER");
        admin().post()
                .uri("/api/v1/creatives")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(form.build()))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.sha256")
                .isEqualTo(sha256(video))
                .jsonPath("$.sizeBytes")
                .isEqualTo(video.length)
                .jsonPath("$.contentType")
                .isEqualTo("video/mp4")
                .jsonPath("$.durationSeconds")
                .isEqualTo(10);
        assertThat(incoming()).isEmpty();
    }

    @Test
    void refusesAnIdThatIsTakenBecauseCreativesNeverChange() {
        admin().post()
                .uri("/api/v1/creatives?id=CR-ONCE&durationSeconds=5&screenTypes=TV_SET")
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(png(100, 6))
                .exchange()
                .expectStatus()
                .isCreated();
        admin().post()
                .uri("/api/v1/creatives?id=CR-ONCE&durationSeconds=5&screenTypes=TV_SET")
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(png(100, 7))
                .exchange()
                .expectStatus()
                .isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("id");
        assertThat(sql().queryForObject("select sha256 from creative where id = 'CR-ONCE'", String.class))
                .isEqualTo(sha256(png(100, 6)));
    }

    @Test
    void letsOperatorsReadButNotUpload() {
        as("operator")
                .post()
                .uri("/api/v1/creatives?id=CR-OP&durationSeconds=5&screenTypes=TV_SET")
                .contentType(MediaType.IMAGE_PNG)
                .bodyValue(png(100, 8))
                .exchange()
                .expectStatus()
                .isForbidden();
        admin().get()
                .uri("/api/v1/creatives/CR-NONE")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static MultipartBodyBuilder form(String id, String duration, String types, byte[] content, String type) {
        MultipartBodyBuilder form = new MultipartBodyBuilder();
        form.part("id", id);
        form.part("durationSeconds", duration);
        form.part("screenTypes", types);
        form.part("file", named(content)).contentType(MediaType.parseMediaType(type));
        return form;
    }

    private static ByteArrayResource named(byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return "spot.bin";
            }
        };
    }

    private Path mediaDir() {
        return Path.of(sql().queryForObject("select media_path from creative limit 1", String.class))
                .getParent();
    }

    private long mediaFiles() throws Exception {
        try (Stream<Path> files = Files.list(mediaDir())) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private String[] incoming() {
        String[] names = mediaDir().resolve("incoming").toFile().list();
        return names == null ? new String[0] : names;
    }

    /** {@code size} random bytes that begin as an MP4 file does: what the server takes for a video. */
    static byte[] mp4(int size, long seed) {
        return signed(bytes(size, seed), new byte[] {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'});
    }

    /** {@code size} random bytes that begin as a JPEG file does. */
    static byte[] jpeg(int size, long seed) {
        return signed(bytes(size, seed), new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0});
    }

    /** {@code size} random bytes that begin as a PNG file does. */
    static byte[] png(int size, long seed) {
        return signed(bytes(size, seed), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    }

    private static byte[] signed(byte[] bytes, byte[] signature) {
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
