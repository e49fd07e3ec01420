package io.railcast.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The faults the chaos benchmark injects, by the names {@code --faults} takes. */
enum Fault {
    /** SIGKILL of a server while it publishes a booking's version, then the server started again. */
    SERVER_KILL,
    /** PostgreSQL stopped in fast mode (connections closed, checkpoint), down for a while, started again. */
    PG_FAST,
    /** PostgreSQL stopped in immediate mode (no checkpoint: crash recovery at the next start). */
    PG_IMMEDIATE,
    /** Every connection between agents and servers reset, and every new one refused, for a while. */
    NET_DROP,
    /** Every connection between agents and servers holds its bytes for a while, new ones too. */
    NET_STALL,
    /** Ten times the agents' normal request rate for 60 s (schedule fetches with their tokens on top of the fleet). */
    SURGE,
    /** One real agent's cache disk filled to the last byte for a while, then emptied again. */
    AGENT_DISK_FULL,
    /** One real agent's cache disk remounted read-only for a while, then read-write again. */
    AGENT_DISK_READONLY;

    /** The name on the command line and in the report: {@code server-kill}, {@code pg-fast}... */
    String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The faults of a comma-separated list of labels, in its order; an unknown label throws. */
    static List<Fault> parse(String labels) {
        List<Fault> faults = new ArrayList<>();
        for (String label : labels.split(",")) {
            String name = label.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                faults.add(Fault.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown fault " + label + "; known: " + known(), e);
            }
        }
        return faults;
    }

    private static String known() {
        List<String> labels = new ArrayList<>();
        for (Fault fault : values()) {
            labels.add(fault.label());
        }
        return String.join(", ", labels);
    }
}
