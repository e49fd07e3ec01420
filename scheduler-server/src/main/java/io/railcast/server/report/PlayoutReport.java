package io.railcast.server.report;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A campaign's proof of play as the Outsmart OOH Playout Reporting Standard v2.0's spot-level JSON, written a piece
 * at a time so that millions of plays stream without being held: {@link #head()}, then {@link #stats(List)} for each
 * page of plays in time order, then {@link #tail()}. One instance per report: it remembers whether a play was written
 * already and the first start and last end, which the standard's {@code ReportStartTime} and {@code ReportEndTime}
 * name; they are written after the {@code Report} array (a JSON object's members have no order), since they are
 * known only once every play is out. A report without plays names the period asked for there.
 *
 * <p>Order and line are the campaign (a booking is one order of one line here), the account its owner (the
 * advertiser), the frame a screen, the creative the creative played. {@code SpotLength} is the creative's length:
 * a play whose {@code EndTime} is sooner than that (less 0.5 s) did not play in full.
 */
final class PlayoutReport {

    static final String SCHEMA =
            "https://raw.githubusercontent.com/Outsmart-OOH/ooh_open_direct/master/schema/v1/resources/stats/reporting.json";

    /** ISO-8601 in UTC to the millisecond, as the standard's examples write times. */
    static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** One play of the campaign, as stored. */
    record Play(Instant start, int durationMillis, String screen, String creative, int spotSeconds) {

        Instant end() {
            return start.plusMillis(durationMillis);
        }
    }

    private final String campaign;
    private final String name;
    private final String owner;
    private final Instant published;
    private final Instant from;
    private final Instant to;
    private boolean written;
    private @Nullable Instant first;
    private @Nullable Instant last;

    PlayoutReport(String campaign, String name, String owner, Instant published, Instant from, Instant to) {
        this.campaign = campaign;
        this.name = name;
        this.owner = owner;
        this.published = published;
        this.from = from;
        this.to = to;
    }

    byte[] head() {
        return ("{\"$schema\":" + text(SCHEMA) + ",\"ReportPublishTime\":" + time(published) + ",\"Report\":[{"
                        + "\"AccountId\":" + text(owner) + ",\"OrderId\":" + text(campaign) + ",\"LineId\":"
                        + text(campaign) + ",\"OOHProviderData\":{\"CampaignId\":" + text(campaign)
                        + ",\"CampaignName\":" + text(name) + "},\"Stats\":[")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The next plays, in time order. */
    byte[] stats(List<Play> plays) {
        StringBuilder out = new StringBuilder(plays.size() * 140);
        for (Play play : plays) {
            if (written) {
                out.append(',');
            }
            written = true;
            Instant end = play.end();
            if (first == null) {
                first = play.start();
            }
            if (last == null || end.isAfter(last)) {
                last = end;
            }
            out.append("{\"StartTime\":")
                    .append(time(play.start()))
                    .append(",\"EndTime\":")
                    .append(time(end))
                    .append(",\"FrameId\":")
                    .append(text(play.screen()))
                    .append(",\"CreativeID\":")
                    .append(text(play.creative()))
                    .append(",\"SpotLength\":")
                    .append(play.spotSeconds())
                    .append('}');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    byte[] tail() {
        return ("]}],\"ReportStartTime\":" + time(first == null ? from : first) + ",\"ReportEndTime\":"
                        + time(last == null ? to : last) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The standard's file name, AccountId_OrderId_LineId_StartTime_EndTime_PublishTime.json with times as
     * yyyy-mm-ddThhmmssZ, of the period asked for; characters a file name or header cannot hold become '-'.
     */
    String fileName() {
        DateTimeFormatter compact =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        String name = String.join(
                "_",
                owner.isBlank() ? "railcast" : owner,
                campaign,
                campaign,
                compact.format(from),
                compact.format(to),
                compact.format(published));
        return name.replaceAll("[^A-Za-z0-9._-]", "-") + ".json";
    }

    private static String time(Instant instant) {
        return '"' + UTC.format(instant) + '"';
    }

    private static String text(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        JsonStringEncoder.getInstance().quoteAsString(value, quoted);
        return quoted.append('"').toString();
    }
}
