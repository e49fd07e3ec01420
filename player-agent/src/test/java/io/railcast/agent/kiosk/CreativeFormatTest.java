package io.railcast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CreativeFormatTest {

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void tellsImagesFromTheirSignatures() {
        assertThat(CreativeFormat.sniff(bytes(0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)))
                .contains(CreativeFormat.PNG);
        assertThat(CreativeFormat.sniff(bytes(0xff, 0xd8, 0xff, 0xe0))).contains(CreativeFormat.JPEG);
        assertThat(CreativeFormat.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII)))
                .contains(CreativeFormat.GIF);
        assertThat(CreativeFormat.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)))
                .contains(CreativeFormat.WEBP);
    }

    @Test
    void tellsVideosFromTheirContainers() {
        assertThat(CreativeFormat.sniff(bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm')))
                .contains(CreativeFormat.MP4);
        assertThat(CreativeFormat.sniff(bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86)))
                .contains(CreativeFormat.WEBM);
        assertThat(CreativeFormat.MP4.video()).isTrue();
        assertThat(CreativeFormat.PNG.video()).isFalse();
    }

    @Test
    void recognisesNothingInTextOrTooFewBytes() {
        assertThat(CreativeFormat.sniff("<html><body>".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(CreativeFormat.sniff(bytes(0x89, 'P', 'N'))).isEmpty();
        assertThat(CreativeFormat.sniff(new byte[0])).isEmpty();
        assertThat(CreativeFormat.sniff("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }
}
