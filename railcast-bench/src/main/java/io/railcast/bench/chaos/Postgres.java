package io.railcast.bench.chaos;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL the servers share, run by the benchmark as a process of its own with the machine's binaries
 * ({@code initdb}, {@code pg_ctl}, {@code psql} on the PATH), so that it can stop it in fast or immediate mode and
 * start it again under the servers. As root, the binaries run as the {@code postgres} user, who owns the data.
 */
final class Postgres implements AutoCloseable {

    static final String DATABASE = "railcast";

    private final Path dataDir;
    private final Path log;
    private final int port;
    private final boolean root = "root".equals(System.getProperty("user.name"));

    /** A data directory under {@code dir} (created there, owned by postgres when run as root) on {@code port}. */
    Postgres(Path dir, int port) {
        this.dataDir = dir.resolve("postgres").resolve("data");
        this.log = dir.resolve("postgres").resolve("postgres.log");
        this.port = port;
    }

    int port() {
        return port;
    }

    /** Initialises the data directory, starts the server and creates the database. */
    void create() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Files.createFile(log);
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", log.getParent().toString()), false);
        }
        run(
                List.of("initdb", "-D", dataDir.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"),
                true);
        start();
        run(
                List.of(
                        "psql",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "postgres",
                        "-d",
                        "postgres",
                        "-qc",
                        "create database " + DATABASE),
                true);
    }

    void start() throws IOException, InterruptedException {
        run(
                List.of(
                        "pg_ctl",
                        "-D",
                        dataDir.toString(),
                        "-l",
                        log.toString(),
                        "-w",
                        "-t",
                        "60",
                        "-o",
                        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=" + dataDir
                                + " -c max_connections=200",
                        "start"),
                true);
    }

    /** Stops the server in {@code mode}: {@code smart}, {@code fast} or {@code immediate}. */
    void stop(String mode) throws IOException, InterruptedException {
        run(List.of("pg_ctl", "-D", dataDir.toString(), "-m", mode, "-w", "-t", "60", "stop"), true);
    }

    /** The rows {@code sql} answers, one line each, fields separated by {@code |}. */
    List<String> query(String sql) throws IOException, InterruptedException {
        String out = run(
                List.of(
                        "psql",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        "postgres",
                        "-d",
                        DATABASE,
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-Atc",
                        sql),
                false);
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** The single number {@code sql} answers. */
    long number(String sql) throws IOException, InterruptedException {
        return Long.parseLong(query(sql).get(0).strip());
    }

    @Override
    public void close() throws IOException {
        shutdown();
    }

    /** Stops the server in fast mode, if it runs. */
    void shutdown() throws IOException {
        try {
            run(List.of("pg_ctl", "-D", dataDir.toString(), "-m", "fast", "-w", "stop"), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String run(List<String> command, boolean asOwner) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (root && asOwner) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(command);
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        if (exit != 0 && !command.contains("stop")) {
            throw new IOException(String.join(" ", command) + " failed (" + exit + "): " + out);
        }
        return out;
    }
}
