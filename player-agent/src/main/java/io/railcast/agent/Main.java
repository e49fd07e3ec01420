package io.railcast.agent;

import io.railcast.agent.kiosk.KioskServer;
import java.io.IOException;
import java.io.PrintStream;

/**
 * The command line: {@code java -jar player-agent-all.jar --server URL --token TOKEN --cache DIR}; {@code --help}
 * explains every option. Runs until the JVM is stopped; on SIGTERM the spot on screen is journaled as ended.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // one line per log record on standard error, unless the operator configured logging otherwise
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null
                && System.getProperty("java.util.logging.config.file") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %5$s%6$s%n");
        }
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Starts the agent and returns 0, or returns the exit status of a failure after explaining it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        AgentConfig config;
        try {
            config = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            err.println("player-agent: " + e.getMessage());
            err.println("Run with --help for the options.");
            return 2;
        }
        if (config == null) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        PlayerAgent agent = PlayerAgent.newBuilder(config).playLog(out).build();
        try {
            agent.start();
        } catch (IOException e) {
            err.println("player-agent: "
                    + (e instanceof KioskServer.PortUnavailable
                            ? e.getMessage()
                            : "cannot use the cache directory " + config.cacheDirectory() + ": " + e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "railcast-shutdown"));
        return 0;
    }
}
