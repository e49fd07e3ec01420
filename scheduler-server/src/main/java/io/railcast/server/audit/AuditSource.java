package io.railcast.server.audit;

/**
 * Who made a change and from where.
 *
 * @param user    the signed-in user's name, or {@link AuditTrail#SYSTEM} for a change made outside any request
 * @param address the client's address as the server sees it
 */
public record AuditSource(String user, String address) {}
