package io.railcast.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class ContentEncodingTest {

    @Test
    void acceptsGzipWhenNamedOrAllowedByAWildcard() {
        assertThat(ContentEncoding.acceptsGzip("gzip")).isTrue();
        assertThat(ContentEncoding.acceptsGzip("deflate, GZIP;q=0.5")).isTrue();
        assertThat(ContentEncoding.acceptsGzip("br, *")).isTrue();
    }

    @Test
    void refusesGzipWhenNotAskedOrRefusedWithQualityZero() {
        assertThat(ContentEncoding.acceptsGzip(null)).isFalse();
        assertThat(ContentEncoding.acceptsGzip("identity")).isFalse();
        assertThat(ContentEncoding.acceptsGzip("br, deflate")).isFalse();
        assertThat(ContentEncoding.acceptsGzip("gzip;q=0")).isFalse();
        assertThat(ContentEncoding.acceptsGzip("gzip; q=0.0, identity")).isFalse();
    }

    @Test
    void gzipsSoThatAnyGzipReaderGetsTheBodyBack() throws IOException {
        byte[] body = "{\"hours\": []}".repeat(100).getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = ContentEncoding.gzip(body);
        assertThat(gzipped.length).isLessThan(body.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }
}
