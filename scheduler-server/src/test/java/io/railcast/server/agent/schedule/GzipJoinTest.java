package io.railcast.server.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipJoinTest {

    @RepeatedTest(50)
    void piecesDeflatedApartMakeOneGzipOfTheirConcatenation(RepetitionInfo repetition) throws IOException {
        Random random = new Random(repetition.getCurrentRepetition());
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        GzipJoin join = new GzipJoin(1024);
        int pieces = random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            byte[] bytes = someBytes(random);
            plain.writeBytes(bytes);
            if (random.nextBoolean()) {
                int level = random.nextBoolean() ? Deflater.BEST_SPEED : Deflater.DEFAULT_COMPRESSION;
                join.append(GzipJoin.Piece.of(bytes, level));
            } else {
                // a slice of a larger array, as the answer's own parts are
                byte[] padded = new byte[bytes.length + 6];
                System.arraycopy(bytes, 0, padded, 3, bytes.length);
                join.append(padded, 3, 3 + bytes.length);
            }
        }
        // GZIPInputStream checks the trailer's CRC-32 and length
        assertThat(gunzip(join.finish())).isEqualTo(plain.toByteArray());
    }

    @Test
    void aPieceDeflatedOnceIsCopiedIntoManyAnswers() throws IOException {
        byte[] plan =
                "{\"onAir\":{\"from\":0,\"to\":3600},\"spots\":[]}".repeat(500).getBytes(StandardCharsets.UTF_8);
        GzipJoin.Piece piece = GzipJoin.Piece.of(plan, Deflater.DEFAULT_COMPRESSION);
        byte[] separator = ",".getBytes(StandardCharsets.UTF_8);
        byte[] gzip = new GzipJoin(256)
                .append(piece)
                .append(separator, 0, 1)
                .append(piece)
                .finish();

        assertThat(piece.deflated().length).isLessThan(plan.length / 50);
        assertThat(new String(gunzip(gzip), StandardCharsets.UTF_8))
                .isEqualTo(new String(plan, StandardCharsets.UTF_8) + "," + new String(plan, StandardCharsets.UTF_8));
    }

    @Test
    void anotherGzipReaderReadsItToo(@TempDir Path dir) throws IOException, InterruptedException {
        byte[] first = "[1,2,3]".repeat(3000).getBytes(StandardCharsets.US_ASCII);
        byte[] second = new byte[70_000]; // incompressible, more than one output buffer
        new Random(7).nextBytes(second);
        byte[] gzip = new GzipJoin(128)
                .append(GzipJoin.Piece.of(first, Deflater.BEST_COMPRESSION))
                .append(second, 0, second.length)
                .finish();

        // GNU gzip: its own inflate, and it checks the trailer
        Path file = Files.write(dir.resolve("answer.json.gz"), gzip);
        Process gunzip =
                new ProcessBuilder("gzip", "-dc").redirectInput(file.toFile()).start();
        byte[] out = gunzip.getInputStream().readAllBytes();
        assertThat(gunzip.waitFor())
                .as(new String(gunzip.getErrorStream().readAllBytes()))
                .isZero();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(first);
        expected.writeBytes(second);
        assertThat(out).isEqualTo(expected.toByteArray());
    }

    @RepeatedTest(20)
    void combinesCrcsAsIfComputedOverTheWhole(RepetitionInfo repetition) {
        Random random = new Random(100 + repetition.getCurrentRepetition());
        byte[] a = someBytes(random);
        byte[] b = someBytes(random);
        CRC32 whole = new CRC32();
        whole.update(a);
        whole.update(b);
        assertThat(GzipJoin.combine(crc(a), crc(b), b.length)).isEqualTo((int) whole.getValue());
    }

    private static byte[] someBytes(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> new byte[random.nextInt(3)];
            case 1 -> {
                byte[] noise = new byte[random.nextInt(100_000)];
                random.nextBytes(noise);
                yield noise;
            }
            default ->
                ("{\"offset\":" + random.nextInt(3600) + ",\"creative\":\"CR-" + random.nextInt(50) + "\"},")
                        .repeat(random.nextInt(1000))
                        .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return (int) crc.getValue();
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }
}
