package io.railcast.server;

import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole server on a random port with its embedded PostgreSQL, shared by every subclass (one Spring context,
 * one database). The data lives in {@code target/it-postgres/shared}, emptied once per JVM, with fsync off since
 * it is thrown away; tests keep apart by using their own codes.
 *
 * <p>The server starts with a small demo network ({@value #DEMO_STATIONS} stations, {@value #DEMO_SCREENS} screens,
 * {@value #DEMO_CAMPAIGNS} campaigns) planned for 24 h ahead (two days), so that bookings are planned in a fraction
 * of a second, and with the demo users planner, csr and operator (password {@value #DEMO_PASSWORD}). Its clock is
 * the system's.
 */
@SmallDemoServer
public abstract class ServerIntegrationTest extends ServerClients {

    private static final Path DATA_DIR = emptyDirectory(Path.of("target", "it-postgres", "shared"));
    private static final Path MEDIA_DIR = emptyDirectory(Path.of("target", "it-media", "shared"));

    @DynamicPropertySource
    static void sharedDatabase(DynamicPropertyRegistry registry) {
        registry.add("railcast.database.embedded.data-dir", DATA_DIR::toString);
        registry.add("railcast.media.dir", MEDIA_DIR::toString);
    }
}
