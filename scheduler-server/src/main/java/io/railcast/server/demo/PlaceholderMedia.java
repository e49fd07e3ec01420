package io.railcast.server.demo;

import io.railcast.model.campaign.Creative;
import io.railcast.model.network.ScreenType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A tiny but real PNG standing in for a demo creative's video: a solid colour derived from the creative's id, in
 * its screen's aspect, with the id in a text chunk. A few hundred bytes, and distinct per creative, so that agents
 * download and verify real files. Written by hand: no image library (and no AWT) at start.
 */
final class PlaceholderMedia {

    static final String CONTENT_TYPE = "image/png";
    private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

    private PlaceholderMedia() {}

    static byte[] png(Creative creative) {
        boolean led = creative.screenTypes().equals(java.util.Set.of(ScreenType.LED_LARGE));
        int width = led ? 48 : 32;
        int height = led ? 16 : 18;
        int rgb = creative.id().hashCode() & 0xFFFFFF;
        byte[] pixels = new byte[height * (1 + width * 3)];
        for (int y = 0, i = 0; y < height; y++) {
            pixels[i++] = 0; // filter: none
            for (int x = 0; x < width; x++) {
                pixels[i++] = (byte) (rgb >> 16);
                pixels[i++] = (byte) (rgb >> 8);
                pixels[i++] = (byte) rgb;
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(512);
        png.writeBytes(SIGNATURE);
        chunk(
                png,
                "IHDR",
                ByteBuffer.allocate(13)
                        .putInt(width)
                        .putInt(height)
                        .put((byte) 8)
                        .put((byte) 2)
                        .put((byte) 0)
                        .put((byte) 0)
                        .put((byte) 0)
                        .array());
        chunk(
                png,
                "tEXt",
                ("Title\0RailCast demo creative " + creative.id() + ", " + creative.durationSeconds() + " s")
                        .getBytes(StandardCharsets.ISO_8859_1));
        chunk(png, "IDAT", deflate(pixels));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
