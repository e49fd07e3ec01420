package io.railcast.server.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.network.Screen;
import io.railcast.server.system.FieldProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonItemsTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void readsOneObjectAsASingleItem() {
        JsonItems<Screen> items = JsonItems.read(
                mapper.readTree("{\"id\":\"S1\",\"station\":\"BJN\",\"type\":\"tv_set\",\"zone\":\"hall\"}"),
                mapper,
                ScreenPayload.KIND);
        assertThat(items.array()).isFalse();
        assertThat(items.items()).singleElement().extracting(Screen::id).isEqualTo("S1");
    }

    @Test
    void indexesTheProblemsOfAnArray() {
        String body = "[{\"id\":\"S1\",\"station\":\"BJN\",\"type\":\"tv_set\",\"zone\":\"hall\"},"
                + " 7, {\"id\":\"S3\",\"station\":\"BJN\",\"type\":\"tv_set\",\"zone\":\"hall\","
                + "\"loopPolicy\":{\"loopSeconds\":300,\"slotSeconds\":7}}]";
        assertThatThrownBy(() -> JsonItems.read(mapper.readTree(body), mapper, ScreenPayload.KIND))
                .isInstanceOfSatisfying(
                        NetworkRefusal.InvalidScreens.class,
                        refusal -> assertThat(refusal.problems())
                                .containsExactly(
                                        new FieldProblem(1, null, "expected a screen object"),
                                        new FieldProblem(
                                                2,
                                                "loopPolicy.slotSeconds",
                                                "slotSeconds must divide the loop of 300 s, got 7")));
    }

    @Test
    void refusesABodyThatIsNeitherObjectNorArray() {
        assertThatThrownBy(() -> JsonItems.read(mapper.readTree("\"BJN\""), mapper, StationPayload.KIND))
                .isInstanceOfSatisfying(
                        NetworkRefusal.InvalidStations.class,
                        refusal -> assertThat(refusal.problems())
                                .singleElement()
                                .extracting(FieldProblem::message)
                                .isEqualTo("expected a station object or an array of them"));
    }
}
