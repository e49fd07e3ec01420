package io.railcast.server.audit;

import org.jspecify.annotations.Nullable;

/**
 * One change to record: what kind, to which object, and the object's state before and after, written as JSON.
 * The states are the object as the API shows it; a user's never holds a password or its hash.
 *
 * @param kind       what was done, in the owner's words: {@code create}, {@code update}, {@code pause},
 *                   {@code password-reset}, {@code revoke}, …
 * @param objectType what was changed: {@code campaign}, {@code creative}, {@code station}, {@code screen},
 *                   {@code user}, {@code agent-token}, …
 * @param objectId   its id within its type (a campaign's id, a station's code, a user's name, a screen's id)
 * @param before     the state before, or null when it did not exist
 * @param after      the state after, or null when it no longer exists (or is no longer live)
 */
public record AuditedChange(
        String kind,
        String objectType,
        String objectId,
        @Nullable Object before,
        @Nullable Object after) {}
