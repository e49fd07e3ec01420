package io.railcast.model.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignatureTest {

    @Test
    void aCopyKeepsItsValuesWhenTheBufferItWasReadFromIsWrittenAgain() {
        Signature.Builder buffer = new Signature.Builder();
        Map<Signature, String> kept = new HashMap<>();
        kept.put(buffer.reset().add(1).add(2).add(3).view().copy(), "first");
        // longer than the buffer's first array, so the buffer grows while the copy stays
        Signature.Builder second = buffer.reset();
        for (int i = 0; i < 100; i++) {
            second.add(i);
        }
        kept.put(second.view().copy(), "second");

        assertThat(kept.get(buffer.reset().add(1).add(2).add(3).view())).isEqualTo("first");
        assertThat(kept.get(buffer.reset().add(1).add(2).view()))
                .as("a prefix is another signature")
                .isNull();
        Signature.Builder again = buffer.reset();
        for (int i = 0; i < 100; i++) {
            again.add(i);
        }
        assertThat(kept.get(again.view())).isEqualTo("second");
        assertThat(kept.get(buffer.reset().add(1).add(2).add(4).view())).isNull();
    }
}
