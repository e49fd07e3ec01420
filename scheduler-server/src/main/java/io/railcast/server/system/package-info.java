/**
 * Cross-cutting configuration: the database (embedded or external PostgreSQL), security, and how errors become
 * RFC 9457 problem details. Features use {@link io.railcast.server.system.ApiProblem} and
 * {@link io.railcast.server.system.FieldProblem}; everything else here is package-private.
 */
package io.railcast.server.system;
