package io.railcast.agent.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.agent.protocol.ProtocolExamples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleStoreTest {

    @TempDir
    Path directory;

    @Test
    void keepsTheBodyAndItsETagForARestart() throws IOException {
        ScheduleStore store = new ScheduleStore(directory);

        store.saveNext(ProtocolExamples.example(), "\"v42\"");

        ScheduleStore.Stored stored = new ScheduleStore(directory).load().get(0);
        assertThat(stored.schedule().version()).isEqualTo(42);
        assertThat(stored.etag()).isEqualTo("\"v42\"");
    }

    @Test
    void listsTheActiveVersionBeforeTheNextSoARestartOffersThemInOrder() throws IOException {
        ScheduleStore store = new ScheduleStore(directory);
        store.saveNext(ProtocolExamples.example(), "\"v42\"");
        store.settle();

        String next = ProtocolExamples.exampleText().replace("\"version\": 42", "\"version\": 43");
        store.saveNext(next.getBytes(), "\"v43\"");

        assertThat(store.load()).extracting(s -> s.schedule().version()).containsExactly(42L, 43L);
        assertThat(store.hasNext()).isTrue();
    }

    @Test
    void skipsAStoredFileItCannotReadInsteadOfRefusingToStart() throws IOException {
        ScheduleStore store = new ScheduleStore(directory);
        store.saveNext(ProtocolExamples.example(), null);
        store.settle();
        Files.writeString(directory.resolve("next.schedule"), "\"v43\"\n{\"version\": 4");

        assertThat(store.load()).extracting(s -> s.schedule().version()).containsExactly(42L);
        assertThat(store.load().get(0).etag()).isNull();
    }
}
