package io.railcast.server.report;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The CSR team's public-service report for a period, read from the stored figures ({@code creative_delivery} for what
 * aired, {@code campaign_delivery} for what guaranteed PSAs were contracted): the figures an operator publishes in its
 * ESG report. Airtime counts the plays that ran their full length (within 0.5 s), as long as they ran.
 *
 * @param from       first day of the period, in the stations' local days
 * @param to         last day, included
 * @param totals     the whole period: PSA versions (creatives) aired, their plays and airtime
 * @param versions   each PSA version aired, by creative id
 * @param months     each month of the period that aired a PSA
 * @param provinces  every province: PSA airtime against commercial airtime, and its floor
 * @param stations   by month, province and station: what aired there
 * @param guaranteed each PSA with a guaranteed frequency that was contracted or played in the period
 */
record PublicServiceView(
        LocalDate from,
        LocalDate to,
        String note,
        Aired totals,
        List<Version> versions,
        List<Month> months,
        List<Province> provinces,
        List<Station> stations,
        List<Guaranteed> guaranteed) {

    /**
     * @param versions distinct PSA creatives with at least one full play
     * @param plays    full plays
     * @param seconds  their airtime, in whole seconds
     * @param hours    the same in hours, to two decimals
     */
    record Aired(long versions, long plays, long seconds, double hours) {

        static Aired of(long versions, long plays, long millis) {
            return new Aired(versions, plays, Math.round(millis / 1000.0), Math.round(millis / 36_000.0) / 100.0);
        }
    }

    /** A PSA version (creative) and the PSA campaigns that aired it. */
    record Version(String creative, List<String> campaigns, long stations, Aired aired) {}

    /** {@code month} as YYYY-MM. */
    record Month(String month, Aired aired) {}

    /**
     * @param commercialSeconds airtime of commercial campaigns' full plays in the province
     * @param share             PSA airtime as a share of commercial airtime (the planner's floor is set that way);
     *                          null when no commercial airtime aired
     * @param floor             the province's PSA share floor (railcast.planning.psa-share, by province)
     * @param belowFloor        the share is known and below the floor
     */
    record Province(
            String province,
            Aired aired,
            long commercialSeconds,
            @Nullable Double share,
            double floor,
            boolean belowFloor) {

        /** PSA airtime against commercial airtime (milliseconds of full plays), set against {@code floor}. */
        static Province of(String province, Aired aired, long psaMillis, long commercialMillis, double floor) {
            Double share = commercialMillis == 0 ? null : (double) psaMillis / commercialMillis;
            return new Province(
                    province,
                    aired,
                    Math.round(commercialMillis / 1000.0),
                    share,
                    floor,
                    share != null && share < floor);
        }
    }

    record Station(String month, String province, String station, String name, Aired aired) {}

    /**
     * @param contractedPlays plays contracted on the period's days, as stored by the versions that planned them
     * @param playedPlays     full plays on those days
     * @param makeGoodPlays   plays scheduled to make good what was owed
     * @param owedPlays       owed on those days, every cause, as the make-good feature last counted them
     * @param unplannedDays   station-days with plays but no stored contracted figure (planned before figures were
     *                        stored)
     */
    record Guaranteed(
            String campaign,
            String name,
            long contractedPlays,
            long playedPlays,
            long makeGoodPlays,
            long owedPlays,
            long unplannedDays) {}
}
