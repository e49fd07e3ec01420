package io.railcast.agent.journal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;

/**
 * A child JVM for {@link PlayJournalTest}: journals plays as fast as it can and prints each one once its call has
 * returned, until the test kills it with SIGKILL. Play {@code i} has id {@code (0, i)} and lasts {@code i} ms.
 */
final class JournalWriterProcess {

    private JournalWriterProcess() {}

    public static void main(String[] args) throws Exception {
        try (PlayJournal journal = PlayJournal.open(Path.of(args[0]), 4096)) {
            for (long i = 1; i < 1_000_000; i++) {
                UUID id = new UUID(0, i);
                journal.started(new PlayStart(id, "BJN-LCD-0001", "C-1", "CR-1", Instant.EPOCH.plusSeconds(i), 42));
                System.out.println("started " + i);
                journal.finished(id, i);
                System.out.println("finished " + i);
            }
        }
    }
}
