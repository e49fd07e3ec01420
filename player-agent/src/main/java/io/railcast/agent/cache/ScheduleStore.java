package io.railcast.agent.cache;

import io.railcast.agent.protocol.MalformedMessage;
import io.railcast.agent.protocol.Schedule;
import io.railcast.agent.protocol.ScheduleJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The schedule bodies the agent plays from, kept so that a restarted agent plays at once from its cache, server or
 * not: {@code active} is the version on screen, {@code next} the last one whose media was complete. Each file holds
 * the ETag on its first line and the body as the server sent it, and is replaced atomically.
 */
public final class ScheduleStore {

    private static final System.Logger LOG = System.getLogger(ScheduleStore.class.getName());

    private final Path active;
    private final Path next;

    public ScheduleStore(Path directory) throws IOException {
        Files.createDirectories(directory);
        this.active = directory.resolve("active.schedule");
        this.next = directory.resolve("next.schedule");
    }

    public record Stored(Schedule schedule, String etag) {}

    /** Keeps a version whose media is all cached, before it is offered for playing. */
    public void saveNext(byte[] body, String etag) throws IOException {
        byte[] head = ((etag == null ? "" : etag) + "\n").getBytes(StandardCharsets.UTF_8);
        DurableFiles.writeAtomically(next, head, body);
    }

    /** Once the next version is on screen (or was passed over), it becomes the one a restart begins with. */
    public void settle() throws IOException {
        if (Files.exists(next)) {
            DurableFiles.moveAtomically(next, active);
        }
    }

    public boolean hasNext() {
        return Files.exists(next);
    }

    /** The stored versions, active first; a file that cannot be read is logged and skipped. */
    public List<Stored> load() {
        List<Stored> stored = new ArrayList<>();
        for (Path file : List.of(active, next)) {
            if (!Files.exists(file)) {
                continue;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                int newline = indexOfNewline(bytes);
                String etag = new String(bytes, 0, newline, StandardCharsets.UTF_8);
                Schedule schedule = ScheduleJson.parse(Arrays.copyOfRange(bytes, newline + 1, bytes.length));
                stored.add(new Stored(schedule, etag.isEmpty() ? null : etag));
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring stored schedule " + file + ": " + e.getMessage());
            }
        }
        return stored;
    }

    private static int indexOfNewline(byte[] bytes) throws MalformedMessage {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        throw new MalformedMessage("no ETag line");
    }
}
