package io.railcast.bench.chaos;

import io.railcast.bench.chaos.BookingStream.Booking;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The database's side of the accounts, read with psql: stored campaigns, whole versions, stored plays. */
final class Audit {

    private final Postgres postgres;

    Audit(Postgres postgres) {
        this.postgres = postgres;
    }

    /** The verdicts on {@code bookings} against the campaigns stored now. */
    BookingVerdicts bookings(Collection<Booking> bookings) throws IOException, InterruptedException {
        Map<String, BookingVerdicts.Stored> stored = new HashMap<>();
        for (String row : postgres.query("""
                select c.id, coalesce(c.published_version, 0),
                       exists (select 1 from schedule_version v where v.version = c.published_version),
                       exists (select 1 from screen_schedule s join screen sc on sc.id = s.screen_id
                               where s.version = c.published_version
                                 and sc.station_code = c.body -> 'targeting' -> 'stations' ->> 0)
                from campaign c where c.id like 'C-CHAOS-%'""")) {
            String[] fields = row.split("\\|");
            stored.put(
                    fields[0],
                    new BookingVerdicts.Stored(
                            Long.parseLong(fields[1]), "t".equals(fields[2]), "t".equals(fields[3])));
        }
        return BookingVerdicts.of(bookings, stored);
    }

    /**
     * Faults in the versions published after {@code since}: a version without a row for every screen (each version
     * is whole: one row per screen), rows whose hours do not match their version's days, and plans named by a row
     * that are not stored.
     */
    long brokenVersions(long since) throws IOException, InterruptedException {
        return postgres.number("""
                select (select count(*) from schedule_version v
                        where v.version > %1$d
                          and (select count(*) from screen_schedule s where s.version = v.version)
                              <> (select count(*) from screen))
                     + (select count(*) from screen_schedule s join schedule_version v using (version)
                        where s.version > %1$d and cardinality(s.plan_ids) <> v.days * 24)
                     + (select count(*) from (select distinct p from screen_schedule s, unnest(s.plan_ids) p
                                              where s.version > %1$d and p is not null) x
                        where not exists (select 1 from hour_plan h where h.id = x.p))""".formatted(since));
    }

    /** The screens whose plans {@code version} changed from the version before it. */
    List<String> changedScreens(long version) throws IOException, InterruptedException {
        return postgres.query("""
                select s.screen_id from screen_schedule s
                join screen_schedule p on p.screen_id = s.screen_id and p.version = s.version - 1
                where s.version = %d
                  and (s.plan_ids <> p.plan_ids or s.fallback_plan_id is distinct from p.fallback_plan_id)""".formatted(version));
    }

    long newestVersion() throws IOException, InterruptedException {
        return postgres.number("select coalesce(max(version), 0) from schedule_version");
    }

    /** Plays stored, by id; and how many rows repeat an id. */
    record StoredPlays(Set<String> ids, long duplicated) {}

    StoredPlays plays() throws IOException, InterruptedException {
        List<String> rows = postgres.query("select play_id from play_record");
        Set<String> ids = new HashSet<>(rows);
        return new StoredPlays(ids, rows.size() - ids.size());
    }
}
