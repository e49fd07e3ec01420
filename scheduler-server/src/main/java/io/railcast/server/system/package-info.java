/**
 * Cross-cutting configuration: the database (embedded or external PostgreSQL), security, and how errors become
 * RFC 9457 problem details. Features' services refuse in their own terms (sealed refusals carrying
 * {@link io.railcast.server.system.FieldProblem}s); their controllers and exception advice answer with
 * {@link io.railcast.server.system.ApiProblem}. The rest is package-private unless a feature needs it (text rules,
 * media headers, clustered jobs, the stations' default zone).
 */
package io.railcast.server.system;
