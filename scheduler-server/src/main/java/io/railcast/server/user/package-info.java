/**
 * People who sign in: {@code /api/v1/users} (administrators only), stored in the {@code users} table with a BCrypt
 * hash and one {@link io.railcast.server.user.Role}. The administrator from configuration is not stored here.
 */
package io.railcast.server.user;
