package io.railcast.agent.protocol;

import java.io.IOException;

/** A body from the server that is not what the protocol says: bad JSON, a missing field, an incoherent schedule. */
public final class MalformedMessage extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedMessage(String message) {
        super(message);
    }

    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
