package io.railcast.agent;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a player agent connects to and where it keeps its cache. Immutable; built with {@link #newBuilder()}.
 *
 * <p>Required: the server's base URL, the screen's token and the cache directory. Defaults: {@link Mode#HEADLESS},
 * a horizon of 72 hours, a media cache of 4096 MiB, no config file, kiosk page on port {@value #DEFAULT_KIOSK_PORT}.
 */
public final class AgentConfig {

    /** How the agent shows what plays. */
    public enum Mode {
        /** One line on standard output per change of what is on screen. */
        HEADLESS,
        /**
         * As headless, and a page on {@code http://127.0.0.1:<kioskPort>/} for a full-screen browser, which shows the
         * creatives and switches them on time by the clock.
         */
        KIOSK
    }

    public static final int DEFAULT_HORIZON_HOURS = 72;
    public static final long DEFAULT_CACHE_MAX_BYTES = 4096L * 1024 * 1024;
    public static final int DEFAULT_KIOSK_PORT = 8765;

    private final URI server;
    private final String token;
    private final Path cacheDirectory;
    private final Mode mode;
    private final int horizonHours;
    private final long cacheMaxBytes;
    private final Path configFile;
    private final int kioskPort;

    private AgentConfig(Builder builder) {
        this.server = requireNonNull(builder.server, "server");
        this.token = requireNonNull(builder.token, "token");
        this.cacheDirectory = requireNonNull(builder.cacheDirectory, "cache directory");
        this.mode = builder.mode;
        this.horizonHours = builder.horizonHours;
        this.cacheMaxBytes = builder.cacheMaxBytes;
        this.configFile = builder.configFile;
        this.kioskPort = builder.kioskPort;
    }

    public static Builder newBuilder() {
        return new Builder();
    }

    /** The scheduler-server base URL; agent paths ({@code /agent/v1/...}) are resolved against it. */
    public URI server() {
        return server;
    }

    /** The screen's agent token, sent as {@code Authorization: Bearer}. */
    public String token() {
        return token;
    }

    public Path cacheDirectory() {
        return cacheDirectory;
    }

    public Mode mode() {
        return mode;
    }

    /** Hours of schedule asked for and held, 1 to 168. */
    public int horizonHours() {
        return horizonHours;
    }

    /** Bound of the media cache in bytes. */
    public long cacheMaxBytes() {
        return cacheMaxBytes;
    }

    /** The properties file the settings came from, re-read for a new token after the server refused this one. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /** The loopback port of the kiosk page in {@link Mode#KIOSK}; 0 takes any free port (the agent logs it). */
    public int kioskPort() {
        return kioskPort;
    }

    @Override
    public String toString() {
        return "AgentConfig[server=" + server + ", token=(" + token.length() + " chars), cache=" + cacheDirectory
                + ", mode=" + mode + ", horizonHours=" + horizonHours + ", cacheMaxBytes=" + cacheMaxBytes
                + ", configFile=" + configFile + (mode == Mode.KIOSK ? ", kioskPort=" + kioskPort : "") + "]";
    }

    /** Collects settings; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {

        private URI server;
        private String token;
        private Path cacheDirectory;
        private Mode mode = Mode.HEADLESS;
        private int horizonHours = DEFAULT_HORIZON_HOURS;
        private long cacheMaxBytes = DEFAULT_CACHE_MAX_BYTES;
        private Path configFile;
        private int kioskPort = DEFAULT_KIOSK_PORT;

        private Builder() {}

        /** Required; must be an absolute http or https URL. */
        public Builder server(URI server) {
            this.server = requireNonNull(server, "server");
            return this;
        }

        /** Required. */
        public Builder token(String token) {
            this.token = requireNonNull(token, "token");
            return this;
        }

        /** Required; created if missing. */
        public Builder cacheDirectory(Path cacheDirectory) {
            this.cacheDirectory = requireNonNull(cacheDirectory, "cacheDirectory");
            return this;
        }

        public Builder mode(Mode mode) {
            this.mode = requireNonNull(mode, "mode");
            return this;
        }

        public Builder horizonHours(int horizonHours) {
            this.horizonHours = horizonHours;
            return this;
        }

        public Builder cacheMaxBytes(long cacheMaxBytes) {
            this.cacheMaxBytes = cacheMaxBytes;
            return this;
        }

        public Builder configFile(Path configFile) {
            this.configFile = requireNonNull(configFile, "configFile");
            return this;
        }

        public Builder kioskPort(int kioskPort) {
            this.kioskPort = kioskPort;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting that is missing or out of range */
        public AgentConfig build() {
            if (server == null || token == null || cacheDirectory == null) {
                throw new IllegalArgumentException(
                        "missing " + (server == null ? "server URL" : token == null ? "token" : "cache directory"));
            }
            if (!server.isAbsolute() || !("http".equals(server.getScheme()) || "https".equals(server.getScheme()))) {
                throw new IllegalArgumentException("server must be an http or https URL, not " + server);
            }
            if (token.isBlank()) {
                throw new IllegalArgumentException("token is blank");
            }
            if (horizonHours < 1 || horizonHours > 168) {
                throw new IllegalArgumentException("horizon must be 1 to 168 hours, not " + horizonHours);
            }
            if (cacheMaxBytes <= 0) {
                throw new IllegalArgumentException("cache bound must be positive, not " + cacheMaxBytes);
            }
            if (kioskPort < 0 || kioskPort > 65535) {
                throw new IllegalArgumentException("kiosk port must be 0 to 65535, not " + kioskPort);
            }
            return new AgentConfig(this);
        }
    }
}
