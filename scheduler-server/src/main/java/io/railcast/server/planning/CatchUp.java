package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.planning.NetworkPlanner;
import io.railcast.model.planning.PlanResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plan of a version another instance published after the one in memory, made the way that instance made it: the
 * plan in memory re-planned for the campaigns that changed in between, each changed campaign moved to the end of the
 * list as a booking puts it ({@code AvailabilityCheck}). The planner is deterministic, so when every version in between
 * was a booking, a change or a removal of campaigns on the same network and day, this is that version's plan, made in
 * the time of a booking instead of a full plan from the stored version (seconds for a national network, every time
 * another instance books). Whether it really is, the caller checks against the stored version; when it is not (a
 * re-plan of another cause in between, a make-good placed), it plans in full as before.
 */
final class CatchUp {

    private static final Logger log = LoggerFactory.getLogger(CatchUp.class);

    /** More changed campaigns than this are planned in full: re-planning all their groups costs as much. */
    static final int MAX_CHANGED = 20;

    private CatchUp() {}

    /**
     * The plan of {@code book}'s version made from {@code inMemory} (the plan of an earlier version, of the same
     * network) when it is exactly what that version stored ({@code publisher} then takes it as current), else null:
     * plan in full.
     */
    static @Nullable PlanResult adopted(
            NetworkPlanner planner,
            VersionPublisher publisher,
            PlanResult inMemory,
            long inMemoryVersion,
            StoredBook book,
            LocalDate today) {
        if (inMemoryVersion >= book.version()) {
            return null;
        }
        long started = System.nanoTime();
        PlanResult plan = replanned(planner, inMemory, book, today, MAX_CHANGED);
        if (plan == null) {
            return null;
        }
        VersionPublisher.Latest latest = publisher.compare(plan, today);
        boolean same = latest.version() == book.version() && latest.equal();
        if (same) {
            publisher.adopt(latest);
        }
        log.info(
                "Caught up with version {} by re-planning what changed in {} ms: {}",
                book.version(),
                (System.nanoTime() - started) / 1_000_000,
                same ? "the same plan as stored" : "not the plan stored, planning in full");
        return same ? plan : null;
    }

    /**
     * The plan in memory re-planned for what changed up to {@code book}, or null when only a full plan can catch up:
     * another day, no campaign changed (the versions in between were re-plans), or more than {@code maxChanged}
     * campaigns changed (a re-plan of all of them costs as much as a full plan).
     */
    static @Nullable PlanResult replanned(
            NetworkPlanner planner, PlanResult inMemory, StoredBook book, LocalDate today, int maxChanged) {
        if (!inMemory.schedule().firstDay().equals(today)) {
            return null;
        }
        Map<String, Campaign> stored = new LinkedHashMap<>();
        book.campaigns().forEach(campaign -> stored.put(campaign.id(), campaign));
        Set<String> changed = new LinkedHashSet<>();
        Set<String> kept = new LinkedHashSet<>();
        List<Campaign> campaigns = new ArrayList<>(stored.size());
        for (Campaign campaign : inMemory.campaigns()) {
            Campaign now = stored.get(campaign.id());
            if (Objects.equals(now, campaign)) {
                campaigns.add(campaign);
                kept.add(campaign.id());
            } else {
                changed.add(campaign.id());
            }
        }
        stored.values().stream().filter(c -> !kept.contains(c.id())).forEach(campaign -> {
            changed.add(campaign.id());
            campaigns.add(campaign);
        });
        if (changed.isEmpty() || changed.size() > maxChanged) {
            return null;
        }
        return planner.replan(inMemory, campaigns, changed);
    }
}
