package io.railcast.server.agent.schedule;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * One gzip member (RFC 1952) made of pieces deflated apart, so that a piece shared by many answers — an hour plan's
 * JSON — is compressed once and then only copied. Each piece is raw DEFLATE ended by a sync flush: whole bytes, no
 * final block, and back-references that never reach before the piece's own start, which makes any sequence of pieces
 * one valid DEFLATE stream (the technique of pigz). The member's CRC-32 is combined from the pieces' own, without
 * their plain bytes. Not thread-safe; one per answer.
 */
final class GzipJoin {

    /** A piece's DEFLATE bytes, and the CRC-32 and length of what they inflate to. Immutable. */
    record Piece(byte[] deflated, int crc, int length) {

        /** {@code plain} deflated at {@code level} ({@link Deflater#BEST_SPEED} to {@code BEST_COMPRESSION}). */
        static Piece of(byte[] plain, int level) {
            Deflater deflater = new Deflater(level, true);
            try {
                return deflate(deflater, plain, 0, plain.length);
            } finally {
                deflater.end();
            }
        }

        private static Piece deflate(Deflater deflater, byte[] plain, int from, int to) {
            int length = to - from;
            deflater.setInput(plain, from, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 + length / 4);
            byte[] buffer = new byte[Math.min(64 * 1024, 64 + length)];
            int written;
            do {
                // a sync flush ends on a byte boundary; a full output buffer means there may be more to flush
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length);
            CRC32 crc = new CRC32();
            crc.update(plain, from, length);
            return new Piece(out.toByteArray(), (int) crc.getValue(), length);
        }
    }

    /** ID1 ID2, CM = deflate, no flags, no mtime, no extra flags, OS unknown. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
    /** An empty final block with fixed Huffman codes: BFINAL = 1, BTYPE = 01, end-of-block (code 0000000). */
    private static final byte[] LAST_BLOCK = {0x03, 0x00};
    /** The CRC-32 polynomial, reflected. */
    private static final int POLYNOMIAL = 0xedb88320;
    /** x^(2^k) modulo the polynomial, for k = 0..31, to shift a CRC past 2^k zero bits. */
    private static final int[] X_POWER_2K = new int[32];

    static {
        X_POWER_2K[0] = 1 << 30; // x^1
        for (int k = 1; k < X_POWER_2K.length; k++) {
            X_POWER_2K[k] = multiply(X_POWER_2K[k - 1], X_POWER_2K[k - 1]);
        }
    }

    private final ByteArrayOutputStream out;
    private final Deflater deflater;
    private int crc;
    private long length;

    /** For this answer's own small pieces, fast; expecting about {@code expectedBytes} of gzip. */
    GzipJoin(int expectedBytes) {
        this.out = new ByteArrayOutputStream(HEADER.length + expectedBytes + 10);
        this.deflater = new Deflater(Deflater.BEST_SPEED, true);
        out.writeBytes(HEADER);
    }

    /** Appends a piece deflated before. */
    GzipJoin append(Piece piece) {
        out.writeBytes(piece.deflated());
        crc = combine(crc, piece.crc(), piece.length());
        length += piece.length();
        return this;
    }

    /** Appends {@code plain[from..to)}, deflated now, on its own. */
    GzipJoin append(byte[] plain, int from, int to) {
        if (to > from) {
            deflater.reset();
            append(Piece.deflate(deflater, plain, from, to));
        }
        return this;
    }

    /** The gzip member: the pieces, a final block, the CRC-32 and the length modulo 2^32. */
    byte[] finish() {
        deflater.end();
        out.writeBytes(LAST_BLOCK);
        writeLittleEndian(crc);
        writeLittleEndian((int) length);
        return out.toByteArray();
    }

    private void writeLittleEndian(int value) {
        for (int shift = 0; shift < 32; shift += 8) {
            out.write(value >>> shift);
        }
    }

    /** The CRC-32 of A followed by B, from CRC-32(A), CRC-32(B) and B's length: CRC(A)·x^(8·|B|) + CRC(B). */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiply(xPower8n(lengthB), crcA) ^ crcB;
    }

    /** x^(8n) modulo the polynomial. */
    private static int xPower8n(long n) {
        int power = 1 << 31; // x^0
        int k = 3; // 8n = n·2^3
        for (long rest = n; rest != 0; rest >>>= 1, k++) {
            if ((rest & 1) != 0) {
                power = multiply(X_POWER_2K[k & 31], power);
            }
        }
        return power;
    }

    /** a·b modulo the polynomial, both reflected (bit 31 is x^0). */
    private static int multiply(int a, int b) {
        int product = 0;
        int shifted = b;
        for (int bit = 1 << 31; bit != 0; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= shifted;
            }
            shifted = (shifted & 1) != 0 ? (shifted >>> 1) ^ POLYNOMIAL : shifted >>> 1;
        }
        return product;
    }
}
