/**
 * Taking screens and stations out of service, for a period or for good: {@code POST
 * /api/v1/stations/{code}/out-of-service} and {@code /api/v1/screens/{id}/out-of-service}, planned and published
 * as a booking is, answering the contracted plays each change makes impossible ({@code ?dryRun=true} only asks).
 * The periods are the network's ({@code out_of_service}, through {@code NetworkCatalog}).
 */
package io.railcast.server.outage;
