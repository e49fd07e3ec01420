package io.railcast.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.model.campaign.Creative;
import io.railcast.model.network.ScreenType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PlaceholderMediaTest {

    @Test
    void makesASmallValidPngInTheScreensAspect() throws Exception {
        byte[] frame = PlaceholderMedia.png(creative("COM-0001-A", ScreenType.LCD_FRAME, ScreenType.TV_SET));
        byte[] wall = PlaceholderMedia.png(creative("COM-0001-A-LED", ScreenType.LED_LARGE));
        assertThat(frame.length).isLessThan(1024);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(frame));
        assertThat(image.getWidth()).isEqualTo(32);
        assertThat(image.getHeight()).isEqualTo(18);
        assertThat(ImageIO.read(new ByteArrayInputStream(wall)).getWidth()).isEqualTo(48);
    }

    @Test
    void makesDistinctFilesForDistinctCreatives() {
        assertThat(PlaceholderMedia.png(creative("A", ScreenType.TV_SET)))
                .isNotEqualTo(PlaceholderMedia.png(creative("B", ScreenType.TV_SET)))
                .isEqualTo(PlaceholderMedia.png(creative("A", ScreenType.TV_SET)));
    }

    private static Creative creative(String id, ScreenType... types) {
        return new Creative(id, 15, Set.of(types), "media/" + id, "0".repeat(64), 1);
    }
}
