package io.railcast.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's scripts, styles and pages are served as they are written: no compiler reads them first, so a merge
 * conflict left in one (it happened: every page failed to load) is caught here, in seconds, not by the browser tests.
 */
class ConsoleSourcesTest {

    @Test
    void holdNoMergeConflictMarkers() throws IOException {
        List<String> marked;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/static"))) {
            marked = files.filter(Files::isRegularFile)
                    .filter(file -> file.toString().matches(".*\\.(js|css|html)$"))
                    .filter(ConsoleSourcesTest::hasConflictMarker)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(marked).isEmpty();
    }

    private static boolean hasConflictMarker(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.anyMatch(line -> line.startsWith("<<<<<<< ") || line.startsWith(">>>>>>> "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
