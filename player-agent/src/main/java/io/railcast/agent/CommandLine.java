package io.railcast.agent;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's command line and its config file. A config file holds the same settings as the options, keys without
 * the dashes ({@code server=}, {@code token=}, ...); an option given on the command line wins over the file.
 */
final class CommandLine {

    static final String USAGE = """
            Usage: java -jar player-agent-all.jar --server URL --token TOKEN --cache DIR [options]
                   java -jar player-agent-all.jar --config FILE [options]

            Runs the RailCast player agent for one screen: fetches the screen's schedule and media from
            scheduler-server, plays by the clock from a local cache (on through server or network outages, for
            the whole horizon it holds, then its filler loop), and uploads proof of play.

            Options:
              --server URL         scheduler-server base URL, e.g. https://railcast.example.cn
              --token TOKEN        this screen's agent token; prefer the config file, since arguments
                                   are visible to every user of the machine (ps)
              --cache DIR          cache directory for schedules, media and the play journal;
                                   created if missing
              --mode MODE          headless (default): one line on standard output per change of
                                   what is on screen; kiosk: the same, and a page for a full-screen
                                   browser on http://127.0.0.1:PORT/ showing the creatives on time
              --kiosk-port PORT    loopback port of the kiosk page (default 8765; 0: any free port)
              --horizon-hours N    hours of schedule to fetch and hold, 1-168 (default 72)
              --cache-max-mb N     bound of the media cache in MiB (default 4096)
              --config FILE        properties file with the same settings, keys without dashes:
                                   server=, token=, cache=, mode=, horizon-hours=, cache-max-mb=,
                                   kiosk-port=
                                   After the server refuses the token (401) the agent stops calling
                                   it, plays on from its cache, and re-reads the token from this
                                   file every minute.
              --help               print this help and exit

            What plays goes to standard output, logs to standard error. Stop the agent with SIGTERM:
            the spot on screen is then journaled as ended. Exit status 2 means a bad command line,
            1 an unusable cache directory or kiosk port. JVM flags for a small footprint are in README-agent.md.
            """;

    private static final Set<String> KEYS =
            Set.of("server", "token", "cache", "mode", "horizon-hours", "cache-max-mb", "config", "kiosk-port");

    private CommandLine() {}

    /** A command line that cannot be used; the message says why in words for the person who typed it. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    /** Null when {@code --help} was asked for. */
    static AgentConfig parse(String... args) throws UsageException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.startsWith("--")) {
                throw new UsageException("unexpected argument '" + arg + "'");
            }
            int equals = arg.indexOf('=');
            String key = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!KEYS.contains(key)) {
                throw new UsageException("unknown option --" + key);
            }
            if (equals < 0 && i + 1 == args.length) {
                throw new UsageException("--" + key + " needs a value");
            }
            options.put(key, equals < 0 ? args[++i] : arg.substring(equals + 1));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (options.containsKey("config")) {
            settings.putAll(readFile(Path.of(options.get("config"))));
        }
        settings.putAll(options);
        return config(settings);
    }

    /** The token a config file holds now, for an agent whose token the server refused. */
    static Optional<String> readToken(Path configFile) {
        try {
            return Optional.ofNullable(readFile(configFile).get("token"))
                    .map(String::trim)
                    .filter(t -> !t.isEmpty());
        } catch (UsageException e) {
            return Optional.empty();
        }
    }

    private static AgentConfig config(Map<String, String> settings) throws UsageException {
        AgentConfig.Builder builder = AgentConfig.newBuilder();
        try {
            if (settings.containsKey("server")) {
                builder.server(new URI(settings.get("server")));
            }
            if (settings.containsKey("token")) {
                builder.token(settings.get("token").trim());
            }
            if (settings.containsKey("cache")) {
                builder.cacheDirectory(Path.of(settings.get("cache")));
            }
            if (settings.containsKey("mode")) {
                builder.mode(mode(settings.get("mode")));
            }
            if (settings.containsKey("horizon-hours")) {
                builder.horizonHours(number(settings, "horizon-hours"));
            }
            if (settings.containsKey("cache-max-mb")) {
                builder.cacheMaxBytes(number(settings, "cache-max-mb") * 1024L * 1024);
            }
            if (settings.containsKey("kiosk-port")) {
                builder.kioskPort(number(settings, "kiosk-port"));
            }
            if (settings.containsKey("config")) {
                builder.configFile(Path.of(settings.get("config")));
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new UsageException("server is not a URL: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static AgentConfig.Mode mode(String value) throws UsageException {
        try {
            return AgentConfig.Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown mode '" + value + "'; the modes are headless and kiosk");
        }
    }

    private static int number(Map<String, String> settings, String key) throws UsageException {
        try {
            return Integer.parseInt(settings.get(key).trim());
        } catch (NumberFormatException e) {
            throw new UsageException(key + " must be a whole number, not '" + settings.get(key) + "'");
        }
    }

    private static Map<String, String> readFile(Path file) throws UsageException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UsageException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!KEYS.contains(key) || key.equals("config")) {
                throw new UsageException("unknown setting '" + key + "' in " + file);
            }
            settings.put(key, properties.getProperty(key));
        }
        return settings;
    }
}
