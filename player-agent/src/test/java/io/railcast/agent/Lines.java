package io.railcast.agent;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the lines a headless agent prints, as a test reads them while the agent runs. */
final class Lines extends OutputStream {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    List<String> all() {
        return lines;
    }

    List<String> containing(String text) {
        return lines.stream().filter(l -> l.contains(text)).toList();
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            lines.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
        } else {
            line.write(b);
        }
    }
}
