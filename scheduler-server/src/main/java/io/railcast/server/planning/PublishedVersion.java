package io.railcast.server.planning;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A row of {@code schedule_version}: one published, immutable schedule of the whole network.
 *
 * @param version     1, 2, … in order of publication
 * @param effectiveAt when agents should start playing it: the publication instant for an urgent change
 * @param urgent      whether agents should switch as soon as they have its media
 * @param firstDay    the first local day it plans
 * @param days        how many days it plans
 * @param reason      why it was published, for people
 */
public record PublishedVersion(
        long version,
        Instant publishedAt,
        Instant effectiveAt,
        boolean urgent,
        LocalDate firstDay,
        int days,
        String reason) {

    /**
     * The PostgreSQL NOTIFY channel on which a version's number is announced, inside the transaction that stores
     * it; the agent feature listens on it.
     */
    public static final String CHANNEL = "schedule_published";
}
