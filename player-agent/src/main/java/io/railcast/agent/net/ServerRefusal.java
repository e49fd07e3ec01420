package io.railcast.agent.net;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The server answered, but not with what was asked: {@code status} is the HTTP status, {@code retryAfter} what a
 * {@code 429} or {@code 503} asked the agent to wait, and the message the problem+json detail when there was one.
 */
public final class ServerRefusal extends IOException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final Duration retryAfter;

    ServerRefusal(int status, String message, Duration retryAfter) {
        super(message);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * A failure in words for a log line: the JDK's network exceptions often have no message (a refused connection is a
     * bare ConnectException), so their type has to say it.
     */
    public static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
    }

    /** 401: the token is revoked or unknown, and nothing but a new token will change that. */
    public boolean tokenRejected() {
        return status == 401;
    }
}
