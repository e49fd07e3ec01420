package io.railcast.server.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL that RailCast starts itself when no {@code spring.r2dbc.url} is configured.
 *
 * @param dataDir        where its data lives across restarts; created and initialised on first start
 * @param port           its TCP port on localhost; 0 picks a free one at every start
 * @param databaseName   the database RailCast uses in it, created on first start
 * @param durable        fsync and synchronous_commit on, so a crash of the machine loses no committed change;
 *                       turn off only for throwaway data such as tests
 * @param startupTimeout how long to wait for the server to accept connections
 * @param settings       further PostgreSQL settings passed as {@code -c key=value} (e.g. shared_buffers)
 */
@ConfigurationProperties("railcast.database.embedded")
record EmbeddedDatabaseProperties(
        @DefaultValue("./data/postgres") Path dataDir,
        @DefaultValue("0") int port,
        @DefaultValue("railcast") String databaseName,
        @DefaultValue("true") boolean durable,
        @DefaultValue("30s") Duration startupTimeout,
        Map<String, String> settings) {

    EmbeddedDatabaseProperties {
        settings = (settings == null) ? Map.of() : Map.copyOf(settings);
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("railcast.database.embedded.port must be 0-65535, got " + port);
        }
        if (!databaseName.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "railcast.database.embedded.database-name must be a lower-case SQL identifier, got "
                            + databaseName);
        }
    }
}
