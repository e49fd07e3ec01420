package io.railcast.server.creative;

import io.railcast.server.system.FieldProblem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An upload the creative library will not keep, or a creative it does not hold, said in its own terms. Nothing was
 * stored when one is thrown (a file received is discarded); the web edge ({@link CreativeProblems}) answers it as a
 * problem. {@code field} names where the fault lies: a form field, a query parameter or a header.
 */
abstract sealed class CreativeRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private CreativeRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** No creative has that id. */
    static final class UnknownCreative extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final String id;

        UnknownCreative(String id) {
            super("no creative has id " + id);
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** The metadata of an upload that is wrong or missing, every field named. */
    static final class InvalidCreative extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final transient List<FieldProblem> problems;

        InvalidCreative(List<FieldProblem> problems) {
            super(problems.size() + " problems with the creative");
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    /** A creative with that id exists already; creatives never change. */
    static final class DuplicateCreative extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final String id;

        DuplicateCreative(String id) {
            super("creative " + id + " exists already");
            this.id = id;
        }

        String id() {
            return id;
        }
    }

    /** The file received is not the one declared: its digest differs. */
    static final class MediaDamaged extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final long sizeBytes;
        private final String received;
        private final String declared;

        MediaDamaged(long sizeBytes, String received, String declared) {
            super("the file received has SHA-256 " + received + ", not " + declared);
            this.sizeBytes = sizeBytes;
            this.received = received;
            this.declared = declared;
        }

        long sizeBytes() {
            return sizeBytes;
        }

        String received() {
            return received;
        }

        String declared() {
            return declared;
        }
    }

    /**
     * Not media a screen plays: a declared type that is no video or image ({@code bytes} null), or bytes of no
     * playable type or of another type than declared ({@code bytes} says what they are).
     */
    static final class UnsupportedMedia extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final String declared;
        private final @Nullable String bytes;

        UnsupportedMedia(String field, String declared, @Nullable String bytes) {
            super(field + " is not media a screen plays: " + (bytes == null ? declared : bytes));
            this.field = field;
            this.declared = declared;
            this.bytes = bytes;
        }

        String field() {
            return field;
        }

        String declared() {
            return declared;
        }

        @Nullable
        String bytes() {
            return bytes;
        }
    }

    /** The file is empty. */
    static final class EmptyMedia extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final String field;

        EmptyMedia(String field) {
            super(field + " is empty");
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** The file is larger than the library keeps. */
    static final class MediaTooLarge extends CreativeRefusal {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final long maxBytes;

        MediaTooLarge(String field, long maxBytes) {
            super(field + " is larger than " + maxBytes + " bytes");
            this.field = field;
            this.maxBytes = maxBytes;
        }

        String field() {
            return field;
        }

        long maxBytes() {
            return maxBytes;
        }
    }
}
