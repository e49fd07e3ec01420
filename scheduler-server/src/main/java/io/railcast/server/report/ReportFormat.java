package io.railcast.server.report;

import io.railcast.server.system.TextRules;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The form a report is answered in, as every report asks for it: {@code ?format=json|csv|xlsx}, else the
 * {@code Accept} header (CSV or the workbook's media type), else JSON. CSV is RFC 4180 in UTF-8 ({@link ReportTable}
 * writes it), XLSX an Excel workbook.
 */
enum ReportFormat {
    JSON(MediaType.APPLICATION_JSON, "json"),
    CSV(MediaType.parseMediaType("text/csv;charset=UTF-8"), "csv"),
    XLSX(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), "xlsx");

    private final MediaType mediaType;
    private final String extension;

    ReportFormat(MediaType mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /** The file name's extension, and what {@code ?format=} names it by. */
    String extension() {
        return extension;
    }

    /** The form asked for: by {@code format} when given (any other is refused naming it), else by {@code accept}. */
    static ReportFormat of(@Nullable String format, @Nullable String accept) {
        if (format != null && !format.isBlank()) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            for (ReportFormat known : values()) {
                if (known.extension.equals(wanted)) {
                    return known;
                }
            }
            throw new ReportRefusal.BadQuery(
                    "format", "format must be json, csv or xlsx, got " + TextRules.quote(format));
        }
        String accepted = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
        if (accepted.contains("text/csv")) {
            return CSV;
        }
        return accepted.contains(XLSX.mediaType.toString()) ? XLSX : JSON;
    }
}
