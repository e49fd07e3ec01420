package io.railcast.server.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a batch of plays: the agent deletes from its journal what is accepted or a duplicate, and keeps
 * rejected records aside.
 */
record PlayReceipt(List<String> accepted, List<String> duplicates, List<Rejected> rejected) {

    /**
     * @param index where the record is in the batch, for a record whose playId is missing or unreadable
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rejected(@Nullable String playId, int index, String reason) {
    }
}
