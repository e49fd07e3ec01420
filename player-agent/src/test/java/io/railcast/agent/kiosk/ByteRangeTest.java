package io.railcast.agent.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void readsTheRangesABrowserAsksForAVideoWith() throws Exception {
        assertThat(ByteRange.parse("bytes=0-", 1000)).contains(new ByteRange(0, 999, 1000));
        assertThat(ByteRange.parse("bytes=100-199", 1000)).contains(new ByteRange(100, 199, 1000));
        assertThat(ByteRange.parse("bytes=900-5000", 1000)).contains(new ByteRange(900, 999, 1000));
        assertThat(ByteRange.parse("bytes=-100", 1000)).contains(new ByteRange(900, 999, 1000));
        assertThat(ByteRange.parse("bytes=100-199", 1000).orElseThrow().contentRange())
                .isEqualTo("bytes 100-199/1000");
        assertThat(ByteRange.parse("bytes=100-199", 1000).orElseThrow().length())
                .isEqualTo(100);
    }

    @Test
    void answersWithTheWholeFileWhenNoSingleByteRangeIsAskedFor() throws Exception {
        assertThat(ByteRange.parse(null, 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 1000)).isEmpty();
        assertThat(ByteRange.parse("items=0-1", 1000)).isEmpty();
        assertThat(ByteRange.parse("bytes=-", 1000)).isEmpty();
    }

    @Test
    void refusesRangesOutsideTheFile() {
        assertThatThrownBy(() -> ByteRange.parse("bytes=1000-", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=5-4", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-0", 1000)).isInstanceOf(ByteRange.Unsatisfiable.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=99999999999999999999-", 1000))
                .isInstanceOf(ByteRange.Unsatisfiable.class);
    }
}
