package io.railcast.server.network;

/**
 * The answer to a bulk import: all items were stored, in one transaction.
 *
 * @param created how many
 */
record ImportResult(int created) {}
