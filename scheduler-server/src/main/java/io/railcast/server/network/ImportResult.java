package io.railcast.server.network;

/**
 * The answer to a bulk import: all items were stored, in one transaction.
 *
 * @param created how many
 */
record ImportResult(int created) {

    /**
     * The answer to an import that may update ({@code upsert=true}): all items were stored, in one transaction.
     *
     * @param created how many were added
     * @param updated how many replaced a stored station of the same code
     */
    record Upserted(int created, int updated) {}
}
