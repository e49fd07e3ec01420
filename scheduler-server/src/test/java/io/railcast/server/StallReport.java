package io.railcast.server;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * When a test fails by waiting too long, prints what every thread of this JVM (the test server runs in it) was doing
 * at that moment, before the failure is reported: a stalled event loop, planning thread or Quartz thread is then
 * named in the log of the run that saw it, instead of being guessed at afterwards.
 */
public class StallReport implements TestExecutionExceptionHandler {

    private static final int FRAMES = 40;

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (timedOut(failure)) {
            StringBuilder dump = new StringBuilder("STALL REPORT for ")
                    .append(context.getDisplayName())
                    .append(" (")
                    .append(context.getRequiredTestClass().getSimpleName())
                    .append("): ")
                    .append(failure)
                    .append('\n');
            for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                dump.append('"').append(thread.getThreadName()).append("\" ").append(thread.getThreadState());
                if (thread.getLockName() != null) {
                    dump.append(" on ")
                            .append(thread.getLockName())
                            .append(" owned by ")
                            .append(thread.getLockOwnerName());
                }
                dump.append('\n');
                StackTraceElement[] stack = thread.getStackTrace();
                for (int i = 0; i < Math.min(stack.length, FRAMES); i++) {
                    dump.append("\tat ").append(stack[i]).append('\n');
                }
            }
            System.err.println(dump);
        }
        throw failure;
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (cause instanceof TimeoutException
                    || name.endsWith("TimeoutException")
                    || String.valueOf(cause.getMessage()).contains("Timeout on blocking read")
                    || String.valueOf(cause.getMessage()).contains("timed out")) {
                return true;
            }
        }
        return false;
    }
}
