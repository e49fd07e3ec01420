package io.railcast.server.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
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
 * One table of a report as files are written from it: a CSV (RFC 4180, one line a row under the column headings;
 * every report's CSV is written here) or a sheet of an Excel workbook (headings bold and frozen, numbers as numbers).
 * A cell is text, a whole number, a decimal, a date, or empty (null).
 *
 * @param name    the sheet's name, and what a request names to get this table as CSV
 * @param columns headings
 * @param rows    each as long as {@code columns}
 */
record ReportTable(String name, List<String> columns, List<List<@Nullable Object>> rows) {

    ReportTable {
        columns = List.copyOf(columns);
        rows = Collections.unmodifiableList(new ArrayList<>(rows));
        for (List<@Nullable Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException(
                        name + ": a row of " + row.size() + " cells for " + columns.size() + " columns");
            }
        }
    }

    byte[] csv() {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append('\n');
        for (List<@Nullable Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                Object value = row.get(i);
                csv.append(i == 0 ? "" : ",").append(value == null ? "" : cell(value.toString()));
            }
            csv.append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A workbook of {@code tables}, a sheet each, then a sheet "About" of {@code about}'s name and value pairs. */
    static byte[] xlsx(List<ReportTable> tables, List<List<String>> about) {
        try (Workbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle heading = book.createCellStyle();
            Font bold = book.createFont();
            bold.setBold(true);
            heading.setFont(bold);
            for (ReportTable table : tables) {
                Sheet sheet = book.createSheet(table.name());
                Row head = sheet.createRow(0);
                for (int i = 0; i < table.columns().size(); i++) {
                    head.createCell(i).setCellValue(table.columns().get(i));
                    head.getCell(i).setCellStyle(heading);
                    sheet.setColumnWidth(i, 16 * 256);
                }
                int r = 1;
                for (List<@Nullable Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        write(row, i, values.get(i));
                    }
                }
                sheet.createFreezePane(0, 1);
            }
            Sheet sheet = book.createSheet("About");
            for (int i = 0; i < about.size(); i++) {
                Row row = sheet.createRow(i);
                Cell name = row.createCell(0);
                name.setCellValue(about.get(i).get(0));
                name.setCellStyle(heading);
                row.createCell(1).setCellValue(about.get(i).get(1));
            }
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 100 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
    }

    private static void write(Row row, int column, @Nullable Object value) {
        if (value instanceof Number number) {
            row.createCell(column).setCellValue(number.doubleValue());
        } else if (value != null) {
            row.createCell(column).setCellValue(value.toString());
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    private static String cell(String value) {
        return value.matches("[^,\"\r\n]*") ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
