package io.railcast.agent;

import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.journal.PlayJournal;
import io.railcast.agent.net.RetryGate;
import io.railcast.agent.net.ServerClient;
import io.railcast.agent.net.ServerClock;
import io.railcast.agent.net.ServerRefusal;
import io.railcast.agent.net.StatusReport;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.Backoff;
import io.railcast.agent.protocol.PlayRecord;
import io.railcast.agent.protocol.Schedule;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the agent tells the server, on the sync thread: journaled plays in batches of up to 1,000 until the journal is
 * drained, and the heartbeat with the clock offset measured by the previous one. The first heartbeat cannot know
 * the offset yet; the one that measures it first is followed at once by another that reports it, so operators see a
 * wrong clock seconds after an agent starts rather than a heartbeat interval later.
 */
final class Reports {

    static final int BATCH = 1000;

    private static final System.Logger LOG = System.getLogger(Reports.class.getName());

    private final ServerClient client;
    private final PlayJournal journal;
    private final MediaCache cache;
    private final Programme programme;
    private final ScheduleUpdates updates;
    private final ServerClock clock;
    private final String agentVersion;
    private final RetryGate uploads = new RetryGate(new Backoff());
    private final RetryGate heartbeats = new RetryGate(new Backoff());

    Reports(
            ServerClient client,
            PlayJournal journal,
            MediaCache cache,
            Programme programme,
            ScheduleUpdates updates,
            ServerClock clock,
            String agentVersion) {
        this.client = client;
        this.journal = journal;
        this.cache = cache;
        this.programme = programme;
        this.updates = updates;
        this.clock = clock;
        this.agentVersion = agentVersion;
    }

    void uploadPlays() {
        if (!uploads.open() || client.tokenRejected()) {
            return;
        }
        try {
            List<PlayRecord> batch;
            do {
                batch = journal.unsent(BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                ServerClient.PlaysAnswer answer = client.plays(batch);
                journal.acknowledge(answer.stored());
                if (!answer.notCounted().isEmpty()) {
                    // expected now and then (the spot a restart resumes mid-way is not a full play): not an error
                    LOG.log(
                            System.Logger.Level.INFO,
                            answer.notCounted().size() + " plays stored by the server but" + " not counted, first: "
                                    + answer.notCounted().values().iterator().next());
                }
                if (!answer.rejected().isEmpty()) {
                    journal.setAside(answer.rejected(), batch);
                    LOG.log(
                            System.Logger.Level.ERROR,
                            answer.rejected().size() + " plays rejected and set aside in "
                                    + "journal/rejected.journal, first: "
                                    + answer.rejected().values().iterator().next());
                }
                if (answer.stored().size() + answer.rejected().size() < batch.size()) {
                    break; // the server left some unanswered: they stay journaled for the next round
                }
            } while (batch.size() == BATCH);
            uploads.succeeded();
        } catch (IOException e) {
            Duration wait = uploads.failed(e);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot upload plays (" + ServerRefusal.describe(e) + "); " + journal.backlog()
                            + " kept in the journal, next try in " + wait.toSeconds() + " s or more");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void sendStatus() {
        if (!heartbeats.open() || client.tokenRejected()) {
            return;
        }
        try {
            Schedule active = programme.active();
            MediaCache.Usage usage = cache.usage();
            Instant sent = clock.local().instant().truncatedTo(ChronoUnit.MILLIS); // the protocol's precision
            boolean unmeasured = !clock.measured();
            StatusReport report = new StatusReport(
                    agentVersion,
                    active == null ? 0 : active.version(),
                    usage.files(),
                    usage.bytes(),
                    updates.missingMedia(),
                    unmeasured ? null : clock.offsetMillis(),
                    journal.backlog(),
                    sent);
            Instant serverTime = client.status(report);
            boolean sampled = clock.sample(sent, serverTime, clock.local().instant());
            heartbeats.succeeded();
            if (unmeasured && sampled) {
                sendStatus();
            }
        } catch (IOException e) {
            Duration wait = heartbeats.failed(e);
            LOG.log(
                    System.Logger.Level.WARNING,
                    "cannot send the heartbeat (" + ServerRefusal.describe(e) + "); next" + " try in "
                            + wait.toSeconds() + " s or more");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
