package io.railcast.agent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects what the agent logs (System.Logger goes to java.util.logging by default) while a test runs. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger = Logger.getLogger("io.railcast.agent");
    private final Level previous = logger.getLevel();
    private final List<String> lines = new CopyOnWriteArrayList<>();

    public LogCapture() {
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false); // keep the build output quiet: the test reads the lines itself
        logger.addHandler(this);
    }

    public List<String> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        lines.add(record.getLevel() + " " + record.getMessage());
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setUseParentHandlers(true);
        logger.setLevel(previous);
    }
}
