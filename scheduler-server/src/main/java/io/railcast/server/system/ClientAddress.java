package io.railcast.server.system;

import reactor.core.publisher.Mono;

/**
 * The address of the client whose request is being served, as the server sees it ({@link SignInSource}: the TCP
 * peer's, or the proxy's {@code X-Forwarded-For} when {@code server.forward-headers-strategy} trusts it).
 */
public final class ClientAddress {

    /** What a change made outside any request (a job, the demo loader) is recorded from. */
    public static final String NONE = SignInSource.UNKNOWN;

    private ClientAddress() {}

    /** The current request's client address, or {@link #NONE} outside a request. */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.just(SignInSource.address(context)));
    }
}
