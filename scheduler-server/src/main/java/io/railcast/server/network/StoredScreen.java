package io.railcast.server.network;

import io.railcast.model.network.Screen;
import java.time.Instant;

/** A row of the {@code screen} table: the domain screen and when it was added. */
record StoredScreen(Screen screen, Instant createdAt) {}
