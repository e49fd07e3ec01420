package io.railcast.server.report;

import io.railcast.server.report.PublicServiceView.Aired;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The public-service report as tables, for its CSV (one table, named by the request) and its workbook (every table,
 * a sheet each): stations by month, provinces, versions, months and guaranteed PSAs.
 */
final class PublicServiceTables {

    /** The tables in their sheets' order; the first is the CSV's default. */
    static final List<String> NAMES = List.of("stations", "provinces", "versions", "months", "guaranteed");

    private static final List<String> AIRED = List.of("versions", "plays", "airtime_seconds", "airtime_hours");

    private PublicServiceTables() {}

    static List<ReportTable> of(PublicServiceView view) {
        return List.of(stations(view), provinces(view), versions(view), months(view), guaranteed(view));
    }

    /** The table {@code name} (one of {@link #NAMES}), or empty. */
    static Optional<ReportTable> named(PublicServiceView view, String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return of(view).stream().filter(table -> table.name().equals(wanted)).findFirst();
    }

    static List<List<String>> about(PublicServiceView view) {
        return List.of(
                List.of("report", "public-service"),
                List.of("from", view.from().toString()),
                List.of("to", view.to().toString()),
                List.of("versions", Long.toString(view.totals().versions())),
                List.of("plays", Long.toString(view.totals().plays())),
                List.of("airtime hours", Double.toString(view.totals().hours())),
                List.of("note", view.note()));
    }

    private static ReportTable stations(PublicServiceView view) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (PublicServiceView.Station s : view.stations()) {
            rows.add(row(s.aired(), s.month(), s.province(), s.station(), s.name()));
        }
        return new ReportTable("stations", columns(List.of("month", "province", "station", "name")), rows);
    }

    private static ReportTable provinces(PublicServiceView view) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (PublicServiceView.Province p : view.provinces()) {
            List<@Nullable Object> row = row(p.aired(), p.province());
            row.add(p.commercialSeconds());
            row.add(p.share());
            row.add(p.floor());
            row.add(p.belowFloor() ? "yes" : "no");
            rows.add(row);
        }
        List<String> columns = columns(List.of("province"));
        columns.addAll(List.of("commercial_seconds", "psa_share", "psa_floor", "below_floor"));
        return new ReportTable("provinces", columns, rows);
    }

    private static ReportTable versions(PublicServiceView view) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (PublicServiceView.Version v : view.versions()) {
            List<@Nullable Object> row = row(v.aired(), v.creative(), String.join(" ", v.campaigns()));
            row.add(v.stations());
            rows.add(row);
        }
        List<String> columns = columns(List.of("creative", "campaigns"));
        columns.add("stations");
        return new ReportTable("versions", columns, rows);
    }

    private static ReportTable months(PublicServiceView view) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (PublicServiceView.Month m : view.months()) {
            rows.add(row(m.aired(), m.month()));
        }
        return new ReportTable("months", columns(List.of("month")), rows);
    }

    private static ReportTable guaranteed(PublicServiceView view) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (PublicServiceView.Guaranteed g : view.guaranteed()) {
            rows.add(List.of(
                    g.campaign(),
                    g.name(),
                    g.contractedPlays(),
                    g.playedPlays(),
                    g.makeGoodPlays(),
                    g.owedPlays(),
                    g.unplannedDays()));
        }
        return new ReportTable(
                "guaranteed",
                List.of(
                        "campaign",
                        "name",
                        "contracted_plays",
                        "played_plays",
                        "make_good_plays",
                        "owed_plays",
                        "unplanned_days"),
                rows);
    }

    private static List<String> columns(List<String> keys) {
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(AIRED);
        return columns;
    }

    private static List<@Nullable Object> row(Aired aired, Object... keys) {
        List<@Nullable Object> row = new ArrayList<>(List.of(keys));
        row.add(aired.versions());
        row.add(aired.plays());
        row.add(aired.seconds());
        row.add(aired.hours());
        return row;
    }
}
