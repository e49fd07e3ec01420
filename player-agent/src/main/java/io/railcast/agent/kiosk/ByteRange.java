package io.railcast.agent.kiosk;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of a file of {@code size} bytes, {@code first} to {@code last} inclusive, as a browser asks for a video
 * with {@code Range: bytes=first-last}, {@code bytes=first-} or {@code bytes=-suffix}.
 */
record ByteRange(long first, long last, long size) {

    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The range asked for, not satisfiable by this file. */
    static final class Unsatisfiable extends Exception {
        private static final long serialVersionUID = 1L;

        Unsatisfiable(String header) {
            super("Range " + header);
        }
    }

    /**
     * The range {@code header} asks for; empty for no header or one this server answers with the whole file
     * (several ranges, other units), which HTTP allows.
     */
    static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        Matcher matcher = header == null ? null : SINGLE.matcher(header.trim());
        if (matcher == null
                || !matcher.matches()
                || matcher.group(1).isEmpty() && matcher.group(2).isEmpty()) {
            return Optional.empty();
        }
        try {
            if (matcher.group(1).isEmpty()) {
                long suffix = Long.parseLong(matcher.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable(header);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1, size));
            }
            long first = Long.parseLong(matcher.group(1));
            long last = matcher.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(matcher.group(2)), size - 1);
            if (first >= size || last < first) {
                throw new Unsatisfiable(header);
            }
            return Optional.of(new ByteRange(first, last, size));
        } catch (NumberFormatException e) {
            throw new Unsatisfiable(header); // more digits than a long holds
        }
    }

    long length() {
        return last - first + 1;
    }

    String contentRange() {
        return "bytes " + first + "-" + last + "/" + size;
    }
}
