package io.railcast.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One scheduler-server, its boot jar run as a child process against the benchmark's PostgreSQL (an external
 * database to it), with the demo and the benchmark's passwords. The benchmark can SIGKILL it and start it again.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final String name;
    private final ChaosOptions options;
    private final int port;
    private Process process;

    ServerProcess(String name, ChaosOptions options, int port) {
        this.name = name;
        this.options = options;
        this.port = port;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    URI origin() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Starts the process; its output goes to {@code <name>.log} in the run's directory, appended. */
    synchronized void start() throws IOException {
        String pg = "//127.0.0.1:" + options.pgPort() + "/" + Postgres.DATABASE;
        Path dir = options.dir();
        List<String> command = List.of(
                "java",
                "-Xmx" + options.serverHeap(),
                "-jar",
                options.serverJar().toString(),
                "--server.port=" + port,
                "--spring.r2dbc.url=r2dbc:postgresql:" + pg,
                "--spring.r2dbc.username=postgres",
                "--spring.r2dbc.password=",
                "--spring.datasource.url=jdbc:postgresql:" + pg,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--railcast.media.dir=" + dir.resolve("media"),
                "--railcast.agent.media.root=" + dir.resolve("media"),
                "--railcast.security.admin-password=" + options.admin().password(),
                "--railcast.demo.users-password=" + options.planner().password());
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(name + ".log").toFile()))
                .start();
    }

    /** Whether it answers the operators' API with the current version. */
    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(origin().resolve("/api/v1/versions/current"))
                    .header("Authorization", options.admin().header())
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits until {@link #ready} or {@code timeout}; throws if the process ended or the time ran out. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready()) {
            if (!alive()) {
                throw new IllegalStateException(
                        name + " stopped; see " + options.dir().resolve(name + ".log"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within " + timeout);
            }
            Thread.sleep(500);
        }
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL: the JVM gets no chance to finish anything. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM, as an operator stops it; SIGKILL after 30 s. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
