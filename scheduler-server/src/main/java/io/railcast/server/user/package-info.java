/**
 * People who sign in: {@code /api/v1/users} (administrators add, disable, re-enable, change roles and reset
 * passwords; everyone changes their own), stored in the {@code users} table with a BCrypt hash, one
 * {@link io.railcast.server.user.Role} and whether they may sign in; and {@code /api/v1/sign-in-lockouts}. A change is
 * announced to every instance ({@code NOTIFY user_changed}), which rechecks what it remembers of that user. The
 * administrator from configuration is not stored here.
 */
package io.railcast.server.user;
