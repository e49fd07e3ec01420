package io.railcast.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;

/**
 * The delivery report as a file ({@link ReportFormat}): CSV (RFC 4180, as {@link ReportTable} writes it) or an Excel
 * workbook. Columns are only ever added at the end, so that a reader of an earlier file keeps finding its columns
 * where they were.
 */
final class DeliveryFiles {

    /** Column headings, shared by both files; the workbook's sheet "Delivery" has them in its first row. */
    static final String[] COLUMNS = {
        "station",
        "date",
        "contracted_plays",
        "scheduled_plays",
        "scheduled_seconds",
        "played_plays",
        "reported_plays",
        "lost_plays",
        "owed_plays",
        "owed_shortfall_plays",
        "owed_takeover_plays",
        "owed_not_played_plays",
        "make_good_plays"
    };

    private DeliveryFiles() {}

    /**
     * One line a row under the headings ({@link ReportTable#csv}); a figure not known for a day (not planned, or not
     * owed yet) is an empty cell.
     */
    static byte[] csv(DeliveryView view) {
        List<List<@Nullable Object>> rows = new ArrayList<>();
        for (DeliveryView.Row row : view.rows()) {
            DeliveryView.Owed owed = row.owed();
            rows.add(Arrays.<@Nullable Object>asList(
                    row.station(),
                    row.date(),
                    row.contractedPlays(),
                    row.scheduledPlays(),
                    row.scheduledSeconds(),
                    row.playedPlays(),
                    row.reportedPlays(),
                    row.lostPlays(),
                    row.owedPlays(),
                    owed == null ? null : owed.shortfallPlays(),
                    owed == null ? null : owed.takeoverPlays(),
                    owed == null ? null : owed.notPlayedPlays(),
                    row.makeGoodPlays()));
        }
        return new ReportTable("Delivery", List.of(COLUMNS), rows).csv();
    }

    /**
     * Sheet "Delivery": the columns of the CSV, dates as dates and figures as numbers, then a row "total"; sheet
     * "About": campaign, name, version, horizon and the note.
     */
    static byte[] xlsx(DeliveryView view) {
        try (Workbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle heading = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            heading.setFont(bold);

            Sheet sheet = book.createSheet("Delivery");
            Row head = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                text(head, i, COLUMNS[i]).setCellStyle(heading);
            }
            int r = 1;
            for (DeliveryView.Row row : view.rows()) {
                Row line = sheet.createRow(r++);
                text(line, 0, row.station());
                day(line, 1, row.date(), date);
                number(line, 2, row.contractedPlays());
                number(line, 3, row.scheduledPlays());
                number(line, 4, row.scheduledSeconds());
                number(line, 5, row.playedPlays());
                number(line, 6, row.reportedPlays());
                number(line, 7, row.lostPlays());
                number(line, 8, row.owedPlays());
                DeliveryView.Owed owed = row.owed();
                if (owed != null) {
                    number(line, 9, owed.shortfallPlays());
                    number(line, 10, owed.takeoverPlays());
                    number(line, 11, owed.notPlayedPlays());
                }
                number(line, 12, row.makeGoodPlays());
            }
            Row total = sheet.createRow(r);
            text(total, 0, "total").setCellStyle(heading);
            DeliveryView.Totals totals = view.totals();
            number(total, 2, totals.contractedPlays());
            number(total, 3, totals.scheduledPlays());
            number(total, 4, totals.scheduledSeconds());
            number(total, 5, totals.playedPlays());
            number(total, 6, totals.reportedPlays());
            number(total, 7, totals.lostPlays());
            number(total, 8, totals.owedPlays());
            number(total, 9, totals.owedShortfallPlays());
            number(total, 10, totals.owedTakeoverPlays());
            number(total, 11, totals.owedNotPlayedPlays());
            number(total, 12, totals.makeGoodPlays());
            sheet.createFreezePane(0, 1);
            for (int i = 0; i < COLUMNS.length; i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }

            Sheet about = book.createSheet("About");
            String[][] facts = {
                {"campaign", view.campaign()},
                {"name", view.name()},
                {"version", Long.toString(view.version())},
                {"first day", view.firstDay().toString()},
                {"days", Integer.toString(view.days())},
                {"note", view.note()}
            };
            for (int i = 0; i < facts.length; i++) {
                Row line = about.createRow(i);
                text(line, 0, facts[i][0]).setCellStyle(heading);
                text(line, 1, facts[i][1]);
            }
            about.setColumnWidth(0, 14 * 256);
            about.setColumnWidth(1, 100 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }

    private static void day(Row row, int column, LocalDate value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static void number(Row row, int column, @Nullable Long value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }
}
