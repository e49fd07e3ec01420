package io.railcast.server.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

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
}
