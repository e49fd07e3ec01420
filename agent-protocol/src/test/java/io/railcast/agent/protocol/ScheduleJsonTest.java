package io.railcast.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleJsonTest {

    private static byte[] example() throws IOException {
        return ProtocolExamples.example();
    }

    private static String exampleText() throws IOException {
        return ProtocolExamples.exampleText();
    }

    @Test
    void readsEveryFieldOfTheProtocolsScheduleBody() throws IOException {
        Schedule schedule = ScheduleJson.parse(example());

        assertThat(schedule.screenId()).isEqualTo("BJN-LCD-0001");
        assertThat(schedule.version()).isEqualTo(42);
        assertThat(schedule.effectiveAt()).isEqualTo(Instant.parse("2026-11-24T03:00:05Z"));
        assertThat(schedule.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(schedule.hours()).extracting(ScheduledHour::plan).containsExactly("9f2c1a", "9f2c1a");
        assertThat(schedule.plans().get("9f2c1a").spots().get(1))
                .isEqualTo(new Spot(15, 5, "FILL-1", "CR-0100", "FILLER"));
        assertThat(schedule.media().get("CR-0001").size()).isEqualTo(1_048_576);
        assertThat(schedule.fallbackPlan().spots()).hasSize(2);
    }

    @Test
    void keepsDigestsInLowerCaseSoTheCacheFindsTheFileWhateverCaseTheServerWrites() throws IOException {
        Schedule schedule = ScheduleJson.parse(example());

        assertThat(schedule.media().get("CR-0101").sha256()).endsWith("1ab");
    }

    @Test
    void refusesAnHourThatNamesAPlanTheBodyDoesNotHold() throws IOException {
        String body = exampleText().replace("\"plan\": \"9f2c1a\"}\n  ]", "\"plan\": \"ffffff\"}\n  ]");

        assertThatThrownBy(() -> ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("unknown plan ffffff");
    }

    @Test
    void refusesASpotWhoseCreativeHasNoMediaFileBecauseItCouldNeverBePrefetched() throws IOException {
        String body = exampleText().replace("\"creative\": \"CR-0101\", \"kind\"", "\"creative\": \"CR-9\", \"kind\"");

        assertThatThrownBy(() -> ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("CR-9 has no media file");
    }

    @Test
    void refusesOverlappingSpots() throws IOException {
        String body = exampleText().replace("{\"offset\": 15, \"duration\": 5", "{\"offset\": 14, \"duration\": 6");

        assertThatThrownBy(() -> ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("overlaps");
    }

    @Test
    void refusesFractionalSecondsWhichTheProtocolDoesNotHave() throws IOException {
        String body = exampleText().replace("{\"offset\": 15, \"duration\": 5", "{\"offset\": 15.5, \"duration\": 5");

        assertThatThrownBy(() -> ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("offset must be a whole number");
    }

    @Test
    void namesTheMissingFieldByItsPath() throws IOException {
        String body = exampleText().replace("\"zone\": \"Asia/Shanghai\",", "");

        assertThatThrownBy(() -> ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessage("$.zone is missing");
    }

    @Test
    void acceptsASpotKindItDoesNotKnowYet() throws IOException {
        String body = exampleText().replace("\"kind\": \"COMMERCIAL\"", "\"kind\": \"SPONSORED_CLOCK\"");

        assertThat(ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8))
                        .plans()
                        .get("9f2c1a")
                        .spots()
                        .get(0)
                        .kind())
                .isEqualTo("SPONSORED_CLOCK");
    }

    @Test
    void takesAPlanItAlreadyHoldsAsItIsInsteadOfReadingItAgain() throws IOException {
        HourPlan held = ScheduleJson.parse(example()).plans().get("9f2c1a");
        // the same id with other JSON: by the protocol that cannot happen, so the JSON is not even read
        String body = exampleText().replace("{\"offset\": 15, \"duration\": 5", "{\"offset\": 14, \"duration\": 6");

        Schedule schedule = ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8), Map.of("9f2c1a", held));

        assertThat(schedule.plans().get("9f2c1a")).isSameAs(held);
        assertThat(schedule.plans().get("7b00de").spots()).hasSize(2);
    }

    @Test
    void readsAPlanItDoesNotHoldAndStillChecksIt() throws IOException {
        HourPlan other = ScheduleJson.parse(example()).plans().get("7b00de");
        String body = exampleText().replace("{\"offset\": 15, \"duration\": 5", "{\"offset\": 14, \"duration\": 6");

        assertThatThrownBy(() -> ScheduleJson.parse(body.getBytes(StandardCharsets.UTF_8), Map.of("7b00de", other)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("overlaps");
    }

    @Test
    void takesEveryPlanFromThoseHeldWhenTheBodyOnlyNamesThem() throws IOException {
        Schedule whole = ScheduleJson.parse(example());
        String named = exampleText().replace("\"plans\":", "\"plan_s\":");

        Schedule schedule = ScheduleJson.parse(named.getBytes(StandardCharsets.UTF_8), whole.plans());

        assertThat(schedule).isEqualTo(whole);
        assertThat(NamedPlans.named(named.getBytes(StandardCharsets.UTF_8))).containsExactly("9f2c1a", "7b00de");
    }

    @Test
    void namesThePlansWhenTheyAreMissingOrNotAnObject() throws IOException {
        String noPlans = exampleText().replace("\"plans\":", "\"plan_s\":");
        String notAnObject = exampleText().replace("\"9f2c1a\": {", "\"9f2c1a\": [1], \"x\": {");

        assertThatThrownBy(() -> ScheduleJson.parse(noPlans.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessage("plan 9f2c1a is named but neither sent nor held");
        assertThatThrownBy(() -> ScheduleJson.parse(notAnObject.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessage("$.plans.9f2c1a must be an object");
        assertThatThrownBy(() -> ScheduleJson.parse("[]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageStartingWith("not a JSON object");
    }
}
