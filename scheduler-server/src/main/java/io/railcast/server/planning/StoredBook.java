package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.network.Network;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanProgress;
import io.railcast.model.planning.PlanResult;
import io.railcast.server.network.NetworkCatalog;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The network and the campaigns as stored (with the make-goods placed for them, {@link PlanningBook}), and the latest version they belong to. A booking stores its campaign in
 * the transaction that publishes its version, so campaigns read between two reads of the latest version number that
 * agree are exactly those of that version. Read otherwise, a plan could take a version's number without its newest
 * campaign (one far ahead changes no published hour, so the plans compare equal) and the next check would sell that
 * campaign's airtime again.
 */
record StoredBook(NetworkCatalog.Stamp stamp, Network network, List<Campaign> campaigns, long version) {

    private static final Logger log = LoggerFactory.getLogger(StoredBook.class);

    /** Reads are tried again this often while versions keep being published in between; then the last read is used. */
    private static final int ATTEMPTS = 5;

    static StoredBook read(NetworkCatalog catalog, PlanningBook book, VersionPublisher publisher, Duration timeout) {
        StoredBook read = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long before = publisher.latestNumber();
            read = new StoredBook(
                    catalog.stamp().block(timeout),
                    catalog.load().block(timeout),
                    book.campaigns().block(timeout),
                    before);
            if (publisher.latestNumber() == before) {
                return read;
            }
        }
        return read;
    }

    /**
     * The plan of this book for {@code days} days from {@code today}, starting from {@code published} (the plan of
     * the version in force, when there is one in memory): an hour whose problem is unchanged keeps its published
     * plan, a changed hour is solved from it, so a re-plan with nothing changed moves no spot.
     */
    PlanResult plan(
            NetworkPlanner planner, LocalDate today, int days, PlanProgress progress, @Nullable PlanResult published) {
        PlanResult plan = planner.plan(network, campaigns, today, days, progress, published);
        log.info(
                "Planned {} screens and {} campaigns for {} days from {} in {} ms ({} distinct hours, {} solved)",
                network.screens().size(),
                campaigns.size(),
                days,
                today,
                plan.millis(),
                plan.distinctHours(),
                plan.solvedHours());
        return plan;
    }
}
