package io.railcast.server.agent.status;

/**
 * A heartbeat that was not stored, said in the status feature's own terms; the web edge
 * ({@link HeartbeatProblems}) answers it as a problem: 503 with {@code Retry-After} while the server cannot take
 * it, which the agent honours.
 */
abstract sealed class HeartbeatRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private HeartbeatRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** The server is stopping and takes no more heartbeats. */
    static final class ServerStopping extends HeartbeatRefusal {

        private static final long serialVersionUID = 1L;

        ServerStopping() {
            super("the server is stopping");
        }
    }

    /** Too many heartbeats are waiting to be stored. */
    static final class QueueFull extends HeartbeatRefusal {

        private static final long serialVersionUID = 1L;

        QueueFull() {
            super("too many heartbeats are waiting to be stored");
        }
    }

    /** The heartbeat's batch could not be written. */
    static final class NotStored extends HeartbeatRefusal {

        private static final long serialVersionUID = 1L;

        NotStored() {
            super("the heartbeat could not be stored");
        }
    }

    /** The screen is not in the network (any more). */
    static final class UnknownScreen extends HeartbeatRefusal {

        private static final long serialVersionUID = 1L;

        private final String screenId;

        UnknownScreen(String screenId) {
            super("screen " + screenId + " is not in the network");
            this.screenId = screenId;
        }

        String screenId() {
            return screenId;
        }
    }
}
