package io.railcast.server.report;

import java.util.Set;

/**
 * Screen-seconds on air and how they are used, summed over screen-hours: the one place that says what counts as
 * contracted (commercial plus guaranteed public-service airtime), so the day and the hour views of the inventory
 * agree. Not thread-safe; one per sum.
 */
final class Airtime {

    private long onAir;
    private long commercial;
    private long guaranteedPublicService;
    private long otherPublicService;
    private long filler;

    /** Adds {@code screenHours} screen-hours that play {@code plan}. */
    void add(VersionFacts.PlanFacts plan, long screenHours, Set<String> guaranteed) {
        onAir += screenHours * plan.onAirSeconds();
        plan.campaigns().forEach((campaign, share) -> {
            long seconds = screenHours * share.seconds();
            switch (share.kind()) {
                case 'C' -> commercial += seconds;
                case 'P' -> {
                    if (guaranteed.contains(campaign)) {
                        guaranteedPublicService += seconds;
                    } else {
                        otherPublicService += seconds;
                    }
                }
                default -> filler += seconds;
            }
        });
    }

    void add(Airtime other) {
        onAir += other.onAir;
        commercial += other.commercial;
        guaranteedPublicService += other.guaranteedPublicService;
        otherPublicService += other.otherPublicService;
        filler += other.filler;
    }

    long onAirSeconds() {
        return onAir;
    }

    long contractedSeconds() {
        return commercial + guaranteedPublicService;
    }

    /** Contracted seconds as a percentage of on-air seconds, to 0.1; 0 when nothing is on air. */
    double fillPercent() {
        return onAir == 0 ? 0 : Math.round(1000.0 * contractedSeconds() / onAir) / 10.0;
    }

    InventoryView.StationFill fill(String code, String name, long screens) {
        return new InventoryView.StationFill(
                code,
                name,
                screens,
                onAir,
                contractedSeconds(),
                commercial,
                guaranteedPublicService + otherPublicService,
                filler,
                fillPercent());
    }
}
