package io.railcast.server.agent.token;

import java.time.Instant;

/** A newly issued agent token: the only time the token is ever shown. */
record IssuedToken(String screenId, String token, Instant createdAt) {}
