package io.railcast.server.report;

import java.time.LocalDate;

/**
 * A report that cannot be made, said in the reports' own terms; the web edge ({@link ReportProblems}) answers it as
 * a problem.
 */
abstract sealed class ReportRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private ReportRefusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a failure: no stack trace to fill
    }

    /** No schedule version is published yet, so nothing is planned to report on. */
    static final class NoVersion extends ReportRefusal {

        private static final long serialVersionUID = 1L;

        NoVersion() {
            super("no schedule version is published yet");
        }
    }

    /** A query parameter ({@code field}) missing or out of its bounds, said as the message. */
    static final class BadQuery extends ReportRefusal {

        private static final long serialVersionUID = 1L;

        private final String field;

        BadQuery(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** A day asked for ({@code field}) that the current version does not plan. */
    static final class OutsideHorizon extends ReportRefusal {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final long version;
        private final LocalDate firstDay;
        private final LocalDate lastDay;
        private final LocalDate date;

        OutsideHorizon(String field, long version, LocalDate firstDay, LocalDate lastDay, LocalDate date) {
            super(field + " " + date + " lies outside version " + version + "'s horizon");
            this.field = field;
            this.version = version;
            this.firstDay = firstDay;
            this.lastDay = lastDay;
            this.date = date;
        }

        String field() {
            return field;
        }

        long version() {
            return version;
        }

        LocalDate firstDay() {
            return firstDay;
        }

        LocalDate lastDay() {
            return lastDay;
        }

        LocalDate date() {
            return date;
        }
    }
}
