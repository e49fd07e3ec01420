package io.railcast.server.endtoend;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The log lines of the agents running in this JVM (the agent logs through {@code System.Logger}, which is
 * java.util.logging here), from {@link #attach()} until {@link #close()}: "level message" each.
 */
final class AgentLog extends Handler implements AutoCloseable {

    private static final Logger AGENT = Logger.getLogger("io.railcast.agent");

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Level before;

    static AgentLog attach() {
        AgentLog log = new AgentLog();
        log.before = AGENT.getLevel();
        AGENT.setLevel(Level.INFO);
        AGENT.addHandler(log);
        return log;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    long count(String fragment) {
        return lines.stream().filter(line -> line.contains(fragment)).count();
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        AGENT.removeHandler(this);
        AGENT.setLevel(before);
    }
}
