package io.railcast.agent.journal;

import io.railcast.agent.protocol.MalformedMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The framing of a journal segment file: one record a line, {@code <length> <crc32> <json>\n}, where length counts
 * the JSON's bytes and the CRC-32 (8 hex digits) covers them. Lines stay readable with {@code cat}, and a record torn
 * by a crash or power loss (short, or with a wrong checksum) is recognised and dropped with everything after it.
 */
final class JournalSegment {

    private static final System.Logger LOG = System.getLogger(JournalSegment.class.getName());

    private JournalSegment() {}

    /** The entries of a segment, and how many of its bytes are whole records: the rest is a torn tail. */
    record Scan(List<JournalEntry> entries, long validLength, long fileLength) {

        boolean torn() {
            return validLength < fileLength;
        }
    }

    static byte[] frame(JournalEntry entry) {
        return frame(JournalEntry.toJson(entry));
    }

    static byte[] frame(byte[] json) {
        CRC32 crc = new CRC32();
        crc.update(json);
        byte[] head = String.format("%d %08x ", json.length, crc.getValue()).getBytes(StandardCharsets.US_ASCII);
        byte[] line = new byte[head.length + json.length + 1];
        System.arraycopy(head, 0, line, 0, head.length);
        System.arraycopy(json, 0, line, head.length, json.length);
        line[line.length - 1] = '\n';
        return line;
    }

    static Scan scan(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<JournalEntry> entries = new ArrayList<>();
        int position = 0;
        Frame frame;
        while (position < bytes.length && (frame = frameAt(bytes, position)) != null) {
            try {
                entries.add(JournalEntry.fromJson(Arrays.copyOfRange(bytes, frame.jsonStart(), frame.jsonEnd())));
            } catch (MalformedMessage e) {
                // the checksum matched, so this is a record a newer agent understands and this one does not
                LOG.log(System.Logger.Level.WARNING, "skipping journal record in " + file + ": " + e.getMessage());
            }
            position = frame.jsonEnd() + 1;
        }
        return new Scan(entries, position, bytes.length);
    }

    private record Frame(int jsonStart, int jsonEnd) {}

    /** The record starting at {@code start}, or null if it is not whole and intact. */
    private static Frame frameAt(byte[] bytes, int start) {
        int space = indexOf(bytes, start, (byte) ' ');
        int jsonStart = space + 10;
        if (space <= start || space - start > 9 || jsonStart > bytes.length || bytes[jsonStart - 1] != ' ') {
            return null;
        }
        int length;
        long crc;
        try {
            length = Integer.parseInt(new String(bytes, start, space - start, StandardCharsets.US_ASCII));
            crc = Long.parseLong(new String(bytes, space + 1, 8, StandardCharsets.US_ASCII), 16);
        } catch (NumberFormatException e) {
            return null;
        }
        int jsonEnd = jsonStart + length;
        if (length < 0 || jsonEnd >= bytes.length || bytes[jsonEnd] != '\n') {
            return null;
        }
        CRC32 actual = new CRC32();
        actual.update(bytes, jsonStart, length);
        return actual.getValue() == crc ? new Frame(jsonStart, jsonEnd) : null;
    }

    private static int indexOf(byte[] bytes, int from, byte wanted) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
