package io.railcast.server.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries in the zonky artifacts, on a data directory that outlives it. Started
 * by the constructor, stopped by {@link #close()}.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String USER = "postgres";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;
    private final String databaseName;

    EmbeddedPostgresServer(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        this.databaseName = properties.databaseName();
        log.info("Starting embedded PostgreSQL on data directory {}", dataDir);
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    // the Spring context stops the server; a JVM hook of its own would race the context's shutdown
                    .setRegisterShutdownHook(false)
                    .setPort(properties.port())
                    .setPGStartupWait(properties.startupTimeout())
                    .setDataDirectoryCustomizer(
                            dir -> stopOrphanedPostmaster(dir.toPath().toAbsolutePath()))
                    .setServerConfig("listen_addresses", "localhost");
            // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit off, right for tests only: a later
            // -c setting wins over -F, so a data directory that people keep gets both back on.
            String durable = properties.durable() ? "on" : "off";
            builder.setServerConfig("fsync", durable);
            builder.setServerConfig("synchronous_commit", durable);
            builder.setServerConfig("full_page_writes", "on");
            properties.settings().forEach(builder::setServerConfig);
            this.postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on " + dataDir, e);
        }
        try {
            createDatabaseIfMissing();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        log.info("Embedded PostgreSQL ready on localhost:{}, database {}", port(), databaseName);
    }

    int port() {
        return postgres.getPort();
    }

    String databaseName() {
        return databaseName;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + databaseName;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop the embedded PostgreSQL", e);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, databaseName);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // the name is a checked lower-case identifier (EmbeddedDatabaseProperties)
                create.execute("create database " + databaseName + " encoding 'UTF8'");
            }
            log.info("Created database {} in the embedded PostgreSQL", databaseName);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + databaseName, e);
        }
    }

    /**
     * A JVM killed without a chance to stop its PostgreSQL leaves the postmaster running on the data directory, and
     * a new one cannot start there. We hold zonky's lock on the directory, so a postmaster still serving it belongs
     * to no live server of ours: stop it. The process is checked to be a postgres on this very directory, since
     * after a reboot the PID in a stale postmaster.pid may belong to anything.
     */
    private static void stopOrphanedPostmaster(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster;
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            postmaster = lines.isEmpty()
                    ? Optional.empty()
                    : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            log.warn("Ignoring unreadable {}: {}", pidFile, e.toString());
            return;
        }
        if (postmaster.isEmpty() || !postmaster.get().isAlive() || !servesDirectory(postmaster.get(), dataDir)) {
            return; // stale file: PostgreSQL checks the PID itself and takes over
        }
        ProcessHandle orphan = postmaster.get();
        log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier server", orphan.pid(), dataDir);
        orphan.destroy(); // SIGTERM: PostgreSQL's smart shutdown, checkpoint included
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the orphaned PostgreSQL", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(
                    "PostgreSQL pid " + orphan.pid() + " still runs on " + dataDir + "; stop it and start again", e);
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDir) {
        String[] arguments = process.info().arguments().orElse(new String[0]);
        int d = Arrays.asList(arguments).indexOf("-D");
        return d >= 0
                && d + 1 < arguments.length
                && new File(arguments[d + 1])
                        .toPath()
                        .toAbsolutePath()
                        .normalize()
                        .equals(dataDir);
    }
}
