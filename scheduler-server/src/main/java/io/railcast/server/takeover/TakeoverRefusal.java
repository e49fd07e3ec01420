package io.railcast.server.takeover;

import java.util.UUID;

/** A takeover that cannot be made or changed, said in its own terms; {@link TakeoverProblems} answers it. */
abstract sealed class TakeoverRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private TakeoverRefusal(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    String field() {
        return field;
    }

    /** A field names something not stored (a creative, a station), or the target covers no screen. */
    static final class Unknown extends TakeoverRefusal {
        private static final long serialVersionUID = 1L;

        Unknown(String field, String message) {
            super(field, message);
        }
    }

    /** No takeover has that id. */
    static final class NotFound extends TakeoverRefusal {
        private static final long serialVersionUID = 1L;

        NotFound(UUID id) {
            super("id", "no takeover has id " + id);
        }
    }

    /** Cancelling a takeover that is over already. */
    static final class AlreadyOver extends TakeoverRefusal {
        private static final long serialVersionUID = 1L;

        AlreadyOver(UUID id) {
            super("id", "takeover " + id + " is over already (ended or cancelled)");
        }
    }
}
