/**
 * History: the append-only {@code audit_log} of every change made through the application. Other features record
 * their changes with {@link io.railcast.server.audit.AuditTrail}, inside the transaction of the change, so a change
 * is stored if and only if its record is; {@code GET /api/v1/audit} lists the records (administrators and
 * operators), and a feature answers an object's own history through {@link io.railcast.server.audit.AuditTrail}
 * too (a campaign's, {@code GET /api/v1/campaigns/{id}/history}). The feature calls no other feature: every other
 * one may call it.
 */
package io.railcast.server.audit;
