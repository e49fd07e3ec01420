package io.railcast.agent;

import io.railcast.agent.net.EventStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * The test side's door into the agent's package, for the end-to-end tests against the real server
 * ({@code io.railcast.server.endtoend}): the real {@link PlayerAgent}, with its heartbeat, upload and poll periods
 * shortened from the protocol's 60 s to {@link #FAST}'s second, so that what takes minutes on a screen takes seconds
 * in a test. Everything else (fetching, media, journal, clock) is the agent as shipped. It lives in the agent's
 * package because {@code Timings} is package-private on purpose: a screen has no business changing them.
 */
public final class AgentHarness {

    /** Poll, heartbeat and upload every second; hourly refetch without spread; the protocol's 45 s of silence. */
    static final Timings FAST = new Timings(
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofMillis(1),
            EventStream.SILENCE);

    private AgentHarness() {}

    /** A started agent with {@link #FAST} timings, the given local clock, writing what plays to {@code playLog}. */
    public static PlayerAgent start(AgentConfig config, Clock clock, PrintStream playLog) throws IOException {
        PlayerAgent agent = PlayerAgent.newBuilder(config)
                .clock(clock)
                .playLog(playLog)
                .timings(FAST)
                .build();
        agent.start();
        return agent;
    }

    /**
     * {@link Main} with {@link #FAST} timings, for a child JVM the tests can SIGKILL:
     * {@code java -cp <test class path> io.railcast.agent.AgentHarness --server ... --token ... --cache ...}.
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tL%1$tz %4$s %5$s%6$s%n");
        AgentConfig config;
        try {
            config = CommandLine.parse(args);
        } catch (CommandLine.UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        PlayerAgent agent = start(config, Clock.systemUTC(), System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(agent::close, "railcast-shutdown"));
    }
}
