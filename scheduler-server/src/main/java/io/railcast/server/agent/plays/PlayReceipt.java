package io.railcast.server.agent.plays;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a batch of plays: the agent deletes from its journal what is accepted or a duplicate, and keeps
 * rejected records aside, never to send them again.
 */
record PlayReceipt(List<String> accepted, List<String> duplicates, List<Rejected> rejected) {

    /**
     * @param index  where the record is in the batch, for a record whose playId is missing or unreadable
     * @param reason why, for a person; a stored play's begins with its code ({@code not-scheduled: …})
     * @param stored whether the server keeps the play (as not counted, for operators to see why): sent again, it is
     *               a duplicate. A play not stored could not be read or is of no use (another screen's, too old)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Rejected(@Nullable String playId, int index, String reason, boolean stored) {

        static Rejected unread(@Nullable String playId, int index, String reason) {
            return new Rejected(playId, index, reason, false);
        }
    }
}
