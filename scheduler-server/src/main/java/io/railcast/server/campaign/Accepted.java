package io.railcast.server.campaign;

/**
 * A create the desk took: stored by this request (answered 201), or found stored already, as this request would
 * store it, by an earlier try of the same request whose answer was lost (a replay, answered 200; see {@link Replays}).
 *
 * @param stored what is stored under the id, as a read shows it
 * @param replay whether an earlier try stored it, so that this one stored, published and recorded nothing
 */
record Accepted<T>(T stored, boolean replay) {

    static <T> Accepted<T> created(T stored) {
        return new Accepted<>(stored, false);
    }

    static <T> Accepted<T> replayed(T stored) {
        return new Accepted<>(stored, true);
    }
}
