package io.railcast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.TestBytes;
import io.railcast.agent.cache.MediaCache;
import io.railcast.agent.net.ServerClock;
import io.railcast.agent.playback.Programme;
import io.railcast.agent.protocol.HourPlan;
import io.railcast.agent.protocol.JsonObject;
import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduledHour;
import io.railcast.agent.protocol.Spot;
import io.railcast.agent.protocol.Takeover;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kiosk page's feed: which slots it announces with which instants, what it offers to show for each, and when it
 * counts as changed. Over a real media cache directory; the clock is fixed.
 */
class KioskFeedTest {

    private static final Instant HOUR = Instant.parse("2026-11-24T03:00:00Z");
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};

    @TempDir
    Path directory;

    private final Programme programme = new Programme();
    private ServerClock clock;
    private MediaCache cache;
    private KioskFeed feed;

    @BeforeEach
    void feed() throws IOException {
        clock = new ServerClock(Clock.fixed(HOUR.plusSeconds(10), ZoneOffset.UTC));
        cache = new MediaCache(directory.resolve("media"), 1 << 20);
        feed = new KioskFeed(programme, clock, cache);
    }

    /** One hour at 03:00 playing 30-minute spots of the two creatives; 04:00 is off air. */
    private Schedule schedule(long version, Instant effectiveAt, MediaFile first, MediaFile second) {
        HourPlan plan = new HourPlan(
                0,
                3600,
                List.of(
                        new Spot(0, 1800, "春运-" + first.creative(), first.creative(), "COMMERCIAL"),
                        new Spot(1800, 1800, "春运-" + second.creative(), second.creative(), "FILLER")));
        Map<String, MediaFile> media = new LinkedHashMap<>();
        media.put(first.creative(), first);
        media.put(second.creative(), second);
        return new Schedule(
                "BJN-LCD-0001",
                version,
                effectiveAt,
                ZoneId.of("Asia/Shanghai"),
                HOUR,
                HOUR.plus(Duration.ofHours(2)),
                List.of(new ScheduledHour(HOUR, "p")),
                Map.of("p", plan),
                media,
                "p");
    }

    /** A media file of the creative, cached when {@code head} is given, starting with those bytes. */
    private MediaFile media(String creative, byte[] head) throws IOException {
        byte[] bytes = Arrays.copyOf(head == null ? PNG : head, 64);
        bytes[63] = (byte) creative.hashCode();
        MediaFile file = new MediaFile(creative, "/agent/v1/media/x", TestBytes.sha256(bytes), bytes.length, 1800);
        if (head != null) {
            Files.write(cache.file(file), bytes);
        }
        return file;
    }

    @Test
    void announcesTheSlotOnScreenAndTheTwoAfterItWithTheirExactInstants() throws Exception {
        MediaFile a = media("CR-A", PNG);
        MediaFile b = media("CR-B", new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm'});
        programme.offer(schedule(42, HOUR, a, b));

        KioskFeed.Feed now = feed.now();

        assertThat(now.now()).isEqualTo(HOUR.plusSeconds(10));
        assertThat(now.screenId()).isEqualTo("BJN-LCD-0001");
        assertThat(now.zone()).isEqualTo("Asia/Shanghai");
        assertThat(now.slots())
                .extracting(KioskFeed.Slot::start)
                .containsExactly(HOUR, HOUR.plusSeconds(1800), HOUR.plusSeconds(3600));
        assertThat(now.slots())
                .extracting(KioskFeed.Slot::end)
                .containsExactly(HOUR.plusSeconds(1800), HOUR.plusSeconds(3600), HOUR.plusSeconds(7200));
        KioskFeed.Slot first = now.slots().get(0);
        assertThat(first.show()).isEqualTo(KioskFeed.Show.CREATIVE);
        assertThat(first.digest()).isEqualTo(a.sha256());
        assertThat(first.format()).isEqualTo(CreativeFormat.PNG);
        assertThat(now.slots().get(1).format()).isEqualTo(CreativeFormat.MP4);
        assertThat(now.slots().get(2).show()).isEqualTo(KioskFeed.Show.DARK); // 04:00 is off air
        assertThat(now.changesAt()).isEqualTo(HOUR.plusSeconds(1800));
    }

    @Test
    void aNoticeTakeoverIsANoticeSlotWithItsTextAndAChangedTextIsAChangedFeed() throws Exception {
        programme.offer(schedule(42, HOUR, media("CR-A", PNG), media("CR-B", PNG)));
        programme.takeover(new Takeover("tk-1", HOUR, HOUR.plusSeconds(60), false, "列车晚点 <b>delayed</b>", null));

        KioskFeed.Feed now = feed.now();

        KioskFeed.Slot first = now.slots().get(0);
        assertThat(first.show()).isEqualTo(KioskFeed.Show.NOTICE);
        assertThat(first.notice()).isEqualTo("列车晚点 <b>delayed</b>");
        assertThat(first.end()).isEqualTo(HOUR.plusSeconds(60));
        JsonObject json = JsonObject.parse(now.json()).array("slots").get(0);
        assertThat(json.string("show")).isEqualTo("notice");
        assertThat(json.string("notice")).isEqualTo("列车晚点 <b>delayed</b>");
        assertThat(now.slots().get(1).show()).isEqualTo(KioskFeed.Show.CREATIVE);

        programme.takeover(new Takeover("tk-2", HOUR.plusSeconds(5), HOUR.plusSeconds(60), false, "站台变更", null));
        assertThat(feed.now().sameAs(now)).isFalse();
    }

    @Test
    void showsTheStandbyCardWithNoScheduleAndForAFileMissingOrNoBrowserCanShow() throws Exception {
        assertThat(feed.now().slots()).extracting(KioskFeed.Slot::show).containsExactly(KioskFeed.Show.STANDBY);
        assertThat(feed.now().screenId()).isNull();

        MediaFile missing = media("CR-GONE", null);
        MediaFile text = media("CR-TEXT", "just some text".getBytes(StandardCharsets.UTF_8));
        programme.offer(schedule(42, HOUR, missing, text));

        assertThat(feed.now().slots())
                .extracting(KioskFeed.Slot::show)
                .containsExactly(KioskFeed.Show.STANDBY, KioskFeed.Show.STANDBY, KioskFeed.Show.DARK);
        assertThat(feed.now().slots().get(0).spot().creative()).isEqualTo("CR-GONE");
    }

    @Test
    void aScheduledVersionCutsInAtItsInstantWithoutTheFeedTakingItOver() throws Exception {
        MediaFile a = media("CR-A", PNG);
        MediaFile b = media("CR-B", PNG);
        MediaFile c = media("CR-C", PNG);
        programme.offer(schedule(42, HOUR, a, b));
        Instant cut = HOUR.plusSeconds(600);
        programme.offer(schedule(43, cut, c, b));

        KioskFeed.Feed now = feed.now();

        KioskFeed.Slot before = now.slots().get(0);
        KioskFeed.Slot after = now.slots().get(1);
        assertThat(before.end()).isEqualTo(cut);
        assertThat(before.spot().creative()).isEqualTo("CR-A");
        assertThat(after.start()).isEqualTo(cut); // appears at the cut, not at its spot's start ...
        assertThat(after.spotStart()).isEqualTo(HOUR); // ... which a video is started from
        assertThat(after.spot().creative()).isEqualTo("CR-C");
        assertThat(after.version()).isEqualTo(43);
        assertThat(programme.active().version())
                .as("only the player moves the programme on")
                .isEqualTo(42);
        assertThat(programme.at(HOUR.plusSeconds(10)).version()).isEqualTo(42);
    }

    @Test
    void changesWhenWhatThePageDoesWouldChangeNotWithTheInstantItWasAskedAt() throws Exception {
        MediaFile a = media("CR-A", PNG);
        MediaFile b = media("CR-B", PNG);
        KioskFeed.Feed standby = feed.at(HOUR.plusSeconds(10));
        assertThat(feed.at(HOUR.plusSeconds(11)).sameAs(standby))
                .as("standby asked a second later")
                .isTrue();

        programme.offer(schedule(42, HOUR, a, b));
        KioskFeed.Feed playing = feed.at(HOUR.plusSeconds(10));

        assertThat(playing.sameAs(standby)).isFalse();
        assertThat(feed.at(HOUR.plusSeconds(1799)).sameAs(playing)).isTrue();
        assertThat(feed.at(HOUR.plusSeconds(1800)).sameAs(playing)).isFalse();
        assertThat(feed.at(HOUR.plusSeconds(4000)).sameAs(feed.at(HOUR.plusSeconds(5000))))
                .as("dark hour")
                .isTrue();
        clock.sample(HOUR, HOUR.plusSeconds(5), HOUR.plusMillis(20));
        assertThat(feed.at(HOUR.plusSeconds(10)).sameAs(playing))
                .as("a new clock offset")
                .isFalse();
    }

    @Test
    void writesUtf8JsonWithMillisecondInstantsAndMediaOnTheLocalServer() throws Exception {
        MediaFile a = media("CR-春运-01", PNG);
        MediaFile b = media("CR-B", PNG);
        programme.offer(schedule(42, HOUR, a, b));
        Instant local = HOUR.plusSeconds(10); // the local clock's reading, sent and answered at once
        clock.sample(local, local.plusMillis(1234), local);

        JsonObject json = JsonObject.parse(feed.at(HOUR.plusMillis(10_500)).json());

        assertThat(json.instant("now")).isEqualTo(HOUR.plusMillis(10_500));
        assertThat(json.integer("clockOffsetMillis")).isEqualTo(1234);
        JsonObject first = json.array("slots").get(0);
        assertThat(first.string("creative")).isEqualTo("CR-春运-01");
        assertThat(first.string("campaign")).isEqualTo("春运-CR-春运-01");
        assertThat(first.string("show")).isEqualTo("creative");
        assertThat(first.string("media")).isEqualTo("/media/" + a.sha256());
        assertThat(first.string("type")).isEqualTo("image/png");
        assertThat(first.string("start")).isEqualTo("2026-11-24T03:00:00Z");
        assertThat(new String(feed.now().json(), StandardCharsets.UTF_8)).contains("\"CR-春运-01\"");
    }
}
