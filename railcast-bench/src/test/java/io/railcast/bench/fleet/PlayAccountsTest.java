package io.railcast.bench.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.PlayRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The outbox and the tally together: what is sent, sent again, acknowledged, and left pending. */
class PlayAccountsTest {

    private final PlayOutbox outbox = new PlayOutbox();
    private final PlayTally tally = new PlayTally();

    @Test
    void countsAPlayAsSentOnceAndItsRepeatAsResent() {
        List<PlayRecord> plays = plays(3);
        outbox.add(plays);
        PlayOutbox.Batch first = send(false);
        assertThat(first.fresh()).isEqualTo(3);
        answer(first, ids(plays), Set.of(), Map.of());
        assertThat(outbox.pending()).isZero();

        outbox.add(plays(2));
        PlayOutbox.Batch second = send(true);
        assertThat(second.records()).hasSize(5);
        assertThat(second.fresh()).isEqualTo(2);
        assertThat(second.again()).isEqualTo(3);
        answer(second, ids(second.records().subList(0, 2)), ids(plays), Map.of());

        assertThat(tally.sent()).isEqualTo(5);
        assertThat(tally.resent()).isEqualTo(3);
        assertThat(tally.accepted()).isEqualTo(5);
        assertThat(tally.duplicates()).isEqualTo(3);
    }

    @Test
    void keepsAPlayTheServerLeftOutOfEveryListAndSendsItAgainAsResent() {
        List<PlayRecord> plays = plays(2);
        outbox.add(plays);
        PlayOutbox.Batch first = send(false);
        answer(first, Set.of(plays.get(0).playId().toString()), Set.of(), Map.of());
        assertThat(tally.unanswered()).isEqualTo(1);
        assertThat(outbox.pending()).isEqualTo(1);

        PlayOutbox.Batch retry = send(false);
        assertThat(retry.records()).containsExactly(plays.get(1));
        assertThat(retry.fresh()).isZero();
        assertThat(retry.again()).isEqualTo(1);
        assertThat(tally.sent()).isEqualTo(2);
    }

    @Test
    void dropsARejectedPlayAndCountsAnIdInTwoListsAsAFault() {
        List<PlayRecord> plays = plays(2);
        outbox.add(plays);
        String a = plays.get(0).playId().toString();
        String b = plays.get(1).playId().toString();
        answer(send(false), Set.of(a), Set.of(a), Map.of(b, "too old"));
        assertThat(tally.rejected()).isEqualTo(1);
        assertThat(tally.protocolFaults()).isEqualTo(1);
        assertThat(outbox.pending()).isZero();
    }

    @Test
    void sendsAtMostAThousandAtATimeOldestFirst() {
        List<PlayRecord> plays = plays(1500);
        outbox.add(plays);
        PlayOutbox.Batch batch = send(true);
        assertThat(batch.records()).hasSize(1000).startsWith(plays.get(0)).endsWith(plays.get(999));
        answer(batch, ids(batch.records()), Set.of(), Map.of());
        assertThat(send(false).records()).hasSize(500).startsWith(plays.get(1000));
    }

    @Test
    void readsTheServersReceipt() {
        PlayTally.Receipt receipt = ProofOfPlay.receipt("""
                {"accepted": ["a"], "duplicates": ["b", "c"], "rejected": [{"playId": "d", "reason": "too old"}]}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(receipt.accepted()).containsExactly("a");
        assertThat(receipt.duplicates()).containsExactlyInAnyOrder("b", "c");
        assertThat(receipt.rejected()).containsExactly(Map.entry("d", "too old"));
    }

    private PlayOutbox.Batch send(boolean repeatLast) {
        PlayOutbox.Batch batch = outbox.next(repeatLast);
        tally.sending(batch.fresh(), batch.again());
        return batch;
    }

    private void answer(
            PlayOutbox.Batch batch, Set<String> accepted, Set<String> duplicates, Map<String, String> rejected) {
        List<String> again = tally.answered(batch.playIds(), new PlayTally.Receipt(accepted, duplicates, rejected));
        outbox.answered(batch, again);
    }

    private static Set<String> ids(List<PlayRecord> plays) {
        return Set.copyOf(plays.stream().map(play -> play.playId().toString()).toList());
    }

    private static List<PlayRecord> plays(int count) {
        List<PlayRecord> plays = new ArrayList<>();
        Instant start = Instant.parse("2026-11-24T03:00:00Z");
        for (int i = 0; i < count; i++) {
            plays.add(new PlayRecord(UUID.randomUUID(), "S-1", "C-1", "CR-1", start.plusSeconds(15L * i), 15_000, 1));
        }
        return plays;
    }
}
