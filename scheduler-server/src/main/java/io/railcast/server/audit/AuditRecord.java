package io.railcast.server.audit;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A row of {@code audit_log} as the API shows it; {@code before} and {@code after} are JSON null when the object did
 * not exist before, or no longer does.
 */
public record AuditRecord(
        long id,
        Instant recordedAt,
        String user,
        String address,
        String kind,
        String objectType,
        String objectId,
        JsonNode before,
        JsonNode after) {}
