package io.railcast.agent.net;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that is closed when nothing arrives for {@code idle}, so a read blocked on a dead connection fails
 * instead of hanging. The JDK client's request timeout ends when the headers arrive; this covers the body: a silent
 * event stream (no heartbeat for 45 s) or a stalled download.
 */
final class IdleStream extends FilterInputStream {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "railcast-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private final long idleNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean timedOut;

    IdleStream(InputStream in, Duration idle) {
        super(in);
        this.idleNanos = idle.toNanos();
        long period = Math.max(10, idle.toMillis() / 8);
        this.check = WATCHDOG.scheduleWithFixedDelay(this::closeIfIdle, period, period, TimeUnit.MILLISECONDS);
    }

    boolean timedOut() {
        return timedOut;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        lastActivity = System.nanoTime();
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        lastActivity = System.nanoTime();
        return n;
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }

    private void closeIfIdle() {
        if (System.nanoTime() - lastActivity > idleNanos) {
            timedOut = true;
            try {
                close();
            } catch (IOException e) {
                // closing is all we wanted; the reader sees its read fail either way
            }
        }
    }
}
