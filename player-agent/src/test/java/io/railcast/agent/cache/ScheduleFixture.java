package io.railcast.agent.cache;

import io.railcast.agent.protocol.MediaFile;
import io.railcast.agent.protocol.ProtocolExamples;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduleJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Schedules for tests, built from the protocol's example body (schedule-v42.json). */
final class ScheduleFixture {

    private ScheduleFixture() {}

    static Schedule example() {
        try {
            return ScheduleJson.parse(ProtocolExamples.example());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example schedule, its media replaced by the given files (one per creative it names). */
    static Schedule withMedia(MediaFile... files) {
        Schedule example = example();
        Map<String, MediaFile> media = new LinkedHashMap<>();
        for (MediaFile file : files) {
            media.put(file.creative(), file);
        }
        return new Schedule(
                example.screenId(),
                example.version(),
                example.effectiveAt(),
                example.zone(),
                example.from(),
                example.to(),
                example.hours(),
                example.plans(),
                media,
                example.fallback());
    }
}
