package io.railcast.agent.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.jr.ob.JSON;

class NamedPlansTest {

    private static final NamedPlans.Source NOTHING = ids -> {
        throw new AssertionError("nothing to fetch, asked for " + ids);
    };

    @Test
    void takesAWholeAnswerAsItIs() throws Exception {
        byte[] whole = ProtocolExamples.example();

        assertThat(NamedPlans.whole(whole, Map.of(), NOTHING)).isSameAs(whole);
    }

    @Test
    void fetchesOnlyThePlansItLacksAndWritesBackThoseItHolds() throws Exception {
        Schedule expected = ScheduleJson.parse(ProtocolExamples.example());
        Map<String, Object> fields = JSON.std.mapFrom(ProtocolExamples.example());
        @SuppressWarnings("unchecked")
        Map<String, Object> plans = (Map<String, Object>) fields.remove("plans");
        List<Set<String>> asked = new ArrayList<>();
        NamedPlans.Source server = ids -> {
            asked.add(Set.copyOf(ids));
            Map<String, byte[]> found = new LinkedHashMap<>();
            for (String id : ids) {
                found.put(id, JSON.std.asBytes(plans.get(id)));
            }
            return found;
        };

        byte[] whole = NamedPlans.whole(
                JSON.std.asBytes(fields), Map.of("7b00de", expected.plans().get("7b00de")), server);

        assertThat(asked).containsExactly(Set.of("9f2c1a"));
        Schedule schedule = ScheduleJson.parse(whole); // a restart reads it with nothing held
        assertThat(schedule.plans()).isEqualTo(expected.plans());
        assertThat(schedule.hours()).isEqualTo(expected.hours());
        assertThat(schedule.media()).isEqualTo(expected.media());
    }

    @Test
    void refusesAnAnswerWhosePlanCannotBeTaken() throws IOException {
        Map<String, Object> fields = JSON.std.mapFrom(ProtocolExamples.example());
        fields.remove("plans");

        assertThatThrownBy(() -> NamedPlans.whole(JSON.std.asBytes(fields), Map.of(), ids -> Map.of()))
                .isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("could not be taken");
        assertThatThrownBy(() -> NamedPlans.whole("[1]".getBytes(), Map.of(), NOTHING))
                .isInstanceOf(MalformedMessage.class);
    }
}
