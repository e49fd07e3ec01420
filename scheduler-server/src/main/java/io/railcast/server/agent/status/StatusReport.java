package io.railcast.server.agent.status;

import io.railcast.server.agent.AgentText;
import io.railcast.server.system.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agent's heartbeat, {@code POST /agent/v1/status} (docs/agent-protocol.md). Every field is optional, so that
 * an older or newer agent is still heard.
 */
record StatusReport(
        @Nullable String agentVersion,
        @Nullable Long scheduleVersion,
        @Nullable Integer cachedFiles,
        @Nullable Long cachedBytes,
        @Nullable Integer missingMedia,
        @Nullable Long clockOffsetMillis,
        @Nullable Integer journalBacklog,
        @Nullable Instant sentAt) {

    static final int MAX_AGENT_VERSION = 64;

    List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        // checked here, before it is queued: a value PostgreSQL refuses would fail the other screens' heartbeats
        // written in the same statement (HeartbeatQueue)
        String agentVersionProblem = AgentText.problem("agentVersion", agentVersion, MAX_AGENT_VERSION);
        if (agentVersionProblem != null) {
            problems.add(FieldProblem.of("agentVersion", agentVersionProblem));
        }
        notNegative(problems, "scheduleVersion", scheduleVersion);
        notNegative(problems, "cachedFiles", cachedFiles);
        notNegative(problems, "cachedBytes", cachedBytes);
        notNegative(problems, "missingMedia", missingMedia);
        notNegative(problems, "journalBacklog", journalBacklog);
        return problems;
    }

    private static void notNegative(List<FieldProblem> problems, String field, @Nullable Number value) {
        if (value != null && value.longValue() < 0) {
            problems.add(FieldProblem.of(field, field + " must not be negative, got " + value));
        }
    }
}
