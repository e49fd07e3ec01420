package io.railcast.agent.net;

import io.railcast.agent.protocol.JsonObject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The heartbeat of {@code POST /agent/v1/status}. {@code scheduleVersion} is 0 before the agent has played any
 * version; {@code clockOffsetMillis} is the server's clock minus the agent's, as last measured (positive: the agent's
 * clock is behind), or null before the first measurement (then left out of the JSON, not sent as a false 0).
 */
public record StatusReport(
        String agentVersion,
        long scheduleVersion,
        long cachedFiles,
        long cachedBytes,
        long missingMedia,
        Long clockOffsetMillis,
        long journalBacklog,
        Instant sentAt) {

    byte[] toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("agentVersion", agentVersion);
        json.put("scheduleVersion", scheduleVersion);
        json.put("cachedFiles", cachedFiles);
        json.put("cachedBytes", cachedBytes);
        json.put("missingMedia", missingMedia);
        if (clockOffsetMillis != null) {
            json.put("clockOffsetMillis", clockOffsetMillis);
        }
        json.put("journalBacklog", journalBacklog);
        json.put("sentAt", sentAt.toString());
        return JsonObject.write(json);
    }
}
