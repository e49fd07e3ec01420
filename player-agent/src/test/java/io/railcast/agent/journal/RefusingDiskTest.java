package io.railcast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.railcast.agent.protocol.PlayRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The journal on a disk that fills up: a real file system (Jimfs, in memory) of 256 KB, filled by another file as a
 * media download or a log would fill the agent's disk, and emptied again. No play whose call returned is lost, none
 * is sent twice, and none is left behind on disk in a state the next open misreads.
 */
class RefusingDiskTest {

    /** Every entry opens a new segment, so a write needs a new block: the full disk refuses it, whatever it holds. */
    private static final long ONE_ENTRY_A_SEGMENT = 1;

    private FileSystem disk;
    private Path directory;
    private Path filler;

    @BeforeEach
    void smallDisk() throws IOException {
        disk = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setBlockSize(1024)
                .setMaxSize(256 * 1024)
                .build());
        directory = disk.getPath("/cache/journal");
        filler = disk.getPath("/cache/filler");
        Files.createDirectories(directory);
    }

    @AfterEach
    void closeDisk() throws IOException {
        disk.close();
    }

    @Test
    void playsFinishedWhileTheDiskIsFullAreSentFromMemoryAndWrittenOnceItHasRoom() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory, ONE_ENTRY_A_SEGMENT)) {
            journalPlays(journal, 1, 3);
            fillDisk();

            journalPlays(journal, 4, 6);

            assertThat(journal.held()).as("entries held in memory").isEqualTo(6);
            assertThat(ids(journal.unsent(100))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
            assertThat(journal.backlog()).isEqualTo(6);

            journal.acknowledge(List.of(new UUID(0, 1), new UUID(0, 5)));
            assertThat(ids(journal.unsent(100))).containsExactly(2L, 3L, 4L, 6L);
            assertThat(journal.backlog()).isEqualTo(4);

            Files.delete(filler);
            journalPlays(journal, 7, 7);

            assertThat(journal.held()).as("held entries written out").isZero();
            assertThat(ids(journal.unsent(100))).containsExactly(2L, 3L, 4L, 6L, 7L);
        }
        try (PlayJournal reopened = PlayJournal.open(directory, ONE_ENTRY_A_SEGMENT)) {
            assertThat(ids(reopened.unsent(100))).containsExactly(2L, 3L, 4L, 6L, 7L);
            assertThat(reopened.backlog()).isEqualTo(5);
            assertThat(reopened.lost()).isZero();
        }
    }

    @Test
    void aPlayAcknowledgedWhileTheDiskCannotRewriteItsSegmentIsNotSentAgainAndGoesOnceItCan() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory, 1 << 20)) {
            journalPlays(journal, 1, 3);
            fillDisk();

            journal.acknowledge(List.of(new UUID(0, 1))); // rewriting the segment without it needs room
            assertThat(ids(journal.unsent(100))).containsExactly(2L, 3L);
            assertThat(journal.backlog()).as("play 1 still on disk").isEqualTo(3);

            Files.delete(filler);
            journal.acknowledge(List.of(new UUID(0, 2)));
            assertThat(ids(journal.unsent(100))).containsExactly(3L);
            assertThat(journal.backlog()).isEqualTo(1);
        }
        try (PlayJournal reopened = PlayJournal.open(directory, 1 << 20)) {
            assertThat(ids(reopened.unsent(100))).containsExactly(3L);
        }
    }

    @Test
    void aDiskThatFillsAndEmptiesAgainLosesAndRepeatsNothing() throws IOException {
        // the disk filled up to different rooms left, five times: some plays fit, the rest are held
        try (PlayJournal journal = PlayJournal.open(directory, 1 << 20)) {
            int mostHeld = 0;
            for (long n = 1; n <= 200; n++) {
                if (n % 40 == 1) {
                    Files.deleteIfExists(filler);
                    fillDisk(n * 37 % 1024);
                }
                journalPlays(journal, n, n);
                mostHeld = Math.max(mostHeld, journal.held());
            }
            assertThat(mostHeld).as("the disk refused some").isPositive();
            Files.delete(filler);
            journalPlays(journal, 201, 201);
            assertThat(journal.held()).isZero();
        }
        try (PlayJournal reopened = PlayJournal.open(directory, 1 << 20)) {
            assertThat(ids(reopened.unsent(1000)))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(1, 201).boxed().toList());
        }
    }

    @Test
    void opensOnAFullDiskAndHoldsWhatItCannotWrite() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory, ONE_ENTRY_A_SEGMENT)) {
            journalPlays(journal, 1, 2);
            journal.started(play(3)); // cut by a crash: never finished
        }
        fillDisk();
        try (PlayJournal reopened = PlayJournal.open(directory, ONE_ENTRY_A_SEGMENT)) {
            assertThat(reopened.held()).as("the interrupted play's finish").isEqualTo(1);
            journalPlays(reopened, 4, 4);
            List<PlayRecord> plays = reopened.unsent(100);
            assertThat(ids(plays)).containsExactly(1L, 2L, 3L, 4L);
            assertThat(plays.get(2).durationMillis()).as("interrupted").isZero();
        }
    }

    @Test
    void playsPastTheMemoryAllowedAreCountedLost() throws IOException {
        fillDisk();
        try (PlayJournal journal = PlayJournal.open(directory, ONE_ENTRY_A_SEGMENT, 2)) {
            journalPlays(journal, 1, 4);

            assertThat(ids(journal.unsent(100))).containsExactly(1L, 2L);
            assertThat(journal.backlog()).isEqualTo(2);
            assertThat(journal.lost()).isEqualTo(2);

            journal.acknowledge(List.of(new UUID(0, 1), new UUID(0, 2)));
            journalPlays(journal, 5, 5);
            assertThat(ids(journal.unsent(100))).as("room again in memory").containsExactly(5L);
        }
    }

    private void fillDisk() throws IOException {
        fillDisk(0);
    }

    /** Fills the disk up to {@code leftBytes} (rounded to its blocks). */
    private void fillDisk(long leftBytes) throws IOException {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[1024];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // as full as it gets
        }
        if (leftBytes > 0) {
            try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, channel.size() - leftBytes));
            }
        }
    }

    private static PlayStart play(long n) {
        return new PlayStart(new UUID(0, n), "BJN-LCD-0001", "C-" + n, "CR-" + n, Instant.EPOCH.plusSeconds(n), 42);
    }

    private static void journalPlays(PlayJournal journal, long first, long last) {
        for (long n = first; n <= last; n++) {
            journal.started(play(n));
            journal.finished(new UUID(0, n), 15_000 + n);
        }
    }

    private static List<Long> ids(List<PlayRecord> plays) {
        return plays.stream()
                .map(play -> play.playId().getLeastSignificantBits())
                .toList();
    }
}
