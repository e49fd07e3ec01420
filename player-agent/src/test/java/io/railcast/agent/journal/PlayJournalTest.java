package io.railcast.agent.journal;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.PlayRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlayJournalTest {

    @TempDir
    Path directory;

    private static PlayStart play(long n) {
        return new PlayStart(new UUID(0, n), "BJN-LCD-0001", "C-" + n, "CR-" + n, Instant.EPOCH.plusSeconds(n), 42);
    }

    private static void journalPlays(PlayJournal journal, long first, long last) throws IOException {
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

    @Test
    void everyPlayWhoseCallReturnedSurvivesSigkillOfTheWritingProcess() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        JournalWriterProcess.class.getName(),
                        directory.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long lastFinished = 0;
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (lastFinished < 300 && (line = out.readLine()) != null) {
                if (line.startsWith("finished ")) {
                    lastFinished = Long.parseLong(line.substring("finished ".length()));
                }
            }
            writer.destroyForcibly(); // SIGKILL while it is still appending
        }
        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(writer.exitValue()).isEqualTo(137);

        try (PlayJournal reopened = PlayJournal.open(directory, 4096)) {
            List<PlayRecord> plays = reopened.unsent(Integer.MAX_VALUE);
            List<Long> ids = ids(plays);

            assertThat(lastFinished).isEqualTo(300);
            // every play the writer saw journaled is there, and what came after is a gapless run, never half a play
            assertThat(ids)
                    .isEqualTo(Stream.iterate(1L, n -> n + 1).limit(ids.size()).toList());
            assertThat(ids.size()).isGreaterThanOrEqualTo(300);
            assertThat(plays.subList(0, plays.size() - 1))
                    .allMatch(p -> p.durationMillis() == p.playId().getLeastSignificantBits());
            PlayRecord last = plays.get(plays.size() - 1);
            assertThat(last.durationMillis()).isIn(0L, last.playId().getLeastSignificantBits());
            assertThat(reopened.backlog()).isEqualTo(plays.size());
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.filter(f -> f.toString().endsWith(".journal")).count())
                    .isGreaterThan(1);
        }
    }

    @Test
    void aRecordTornByPowerLossIsDroppedAndAppendingGoesOnAfterIt() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory)) {
            journalPlays(journal, 1, 3);
        }
        Path segment = directory.resolve("0000000001.journal");
        byte[] whole = JournalSegment.frame(new JournalEntry.Started(play(4)));
        Files.write(segment, java.util.Arrays.copyOf(whole, whole.length / 2), StandardOpenOption.APPEND);

        try (PlayJournal journal = PlayJournal.open(directory)) {
            assertThat(ids(journal.unsent(100))).containsExactly(1L, 2L, 3L);
            journalPlays(journal, 5, 5);
        }
        try (PlayJournal journal = PlayJournal.open(directory)) {
            assertThat(ids(journal.unsent(100))).containsExactly(1L, 2L, 3L, 5L);
        }
    }

    @Test
    void aRecordWhoseChecksumDoesNotMatchIsTreatedAsTorn() throws IOException {
        // the damaged record is the finish of play 2, so play 2 is left started and is closed as interrupted
        try (PlayJournal journal = PlayJournal.open(directory)) {
            journalPlays(journal, 1, 2);
        }
        Path segment = directory.resolve("0000000001.journal");
        String text = Files.readString(segment);
        Files.writeString(segment, text.substring(0, text.length() - 5) + "9" + text.substring(text.length() - 4));

        try (PlayJournal journal = PlayJournal.open(directory)) {
            List<PlayRecord> plays = journal.unsent(100);

            assertThat(ids(plays)).containsExactly(1L, 2L);
            assertThat(plays.get(1).durationMillis()).isZero();
        }
    }

    @Test
    void aPlayStartedButNeverFinishedIsClosedAsInterruptedWithLengthZero() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory)) {
            journalPlays(journal, 1, 1);
            journal.started(play(2));
        }

        try (PlayJournal journal = PlayJournal.open(directory)) {
            List<PlayRecord> plays = journal.unsent(100);

            assertThat(ids(plays)).containsExactly(1L, 2L);
            assertThat(plays.get(1).durationMillis()).isZero();
            assertThat(plays.get(1).startedAt()).isEqualTo(Instant.EPOCH.plusSeconds(2));
        }
    }

    @Test
    void theSpotStillOnScreenIsNotOfferedForUpload() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory)) {
            journalPlays(journal, 1, 2);
            journal.started(play(3));

            assertThat(ids(journal.unsent(100))).containsExactly(1L, 2L);
            assertThat(journal.backlog()).isEqualTo(2);
        }
    }

    @Test
    void acknowledgingRemovesExactlyTheAcknowledgedPlaysAcrossSegments() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory, 1024)) {
            journalPlays(journal, 1, 40);
            journal.started(play(41));

            journal.acknowledge(
                    List.of(new UUID(0, 1), new UUID(0, 7), new UUID(0, 8), new UUID(0, 39), new UUID(0, 999)));
            journal.finished(new UUID(0, 41), 15_041);

            assertThat(ids(journal.unsent(100)))
                    .doesNotContain(1L, 7L, 8L, 39L)
                    .hasSize(37)
                    .contains(41L);
            assertThat(journal.backlog()).isEqualTo(37);
        }
        try (PlayJournal journal = PlayJournal.open(directory, 1024)) {
            assertThat(ids(journal.unsent(100))).doesNotContain(1L, 7L, 8L, 39L).hasSize(37);
        }
    }

    @Test
    void segmentsWhosePlaysWereAllAcknowledgedAreDeleted() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory, 1024)) {
            journalPlays(journal, 1, 40);
            journal.acknowledge(
                    journal.unsent(100).stream().map(PlayRecord::playId).toList());

            assertThat(journal.unsent(100)).isEmpty();
            assertThat(journal.backlog()).isZero();
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(f -> f.getFileName().toString())).hasSize(1);
        }
    }

    @Test
    void unsentReturnsTheOldestPlaysFirstInBatchesOfTheAskedSize() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory, 1024)) {
            journalPlays(journal, 1, 25);

            assertThat(ids(journal.unsent(10))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
    }

    @Test
    void rejectedPlaysAreSetAsideWithTheirReasonAndNeverOfferedAgain() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory)) {
            journalPlays(journal, 1, 3);
            List<PlayRecord> batch = journal.unsent(100);

            journal.setAside(Map.of(new UUID(0, 2), "screen BJN-LCD-0001 is not yours"), batch);

            assertThat(ids(journal.unsent(100))).containsExactly(1L, 3L);
        }
        assertThat(Files.readString(directory.resolve("rejected.journal")))
                .contains("\"playId\":\"00000000-0000-0000-0000-000000000002\"")
                .contains("\"reason\":\"screen BJN-LCD-0001 is not yours\"");
    }

    @Test
    void aRewriteCutByACrashLeavesTheOldSegmentWhole() throws IOException {
        try (PlayJournal journal = PlayJournal.open(directory)) {
            journalPlays(journal, 1, 2);
        }
        Files.writeString(directory.resolve("0000000001.journal.tmp"), "half a rewrite");

        try (PlayJournal journal = PlayJournal.open(directory)) {
            assertThat(ids(journal.unsent(100))).containsExactly(1L, 2L);
        }
        assertThat(directory.resolve("0000000001.journal.tmp")).doesNotExist();
    }
}
