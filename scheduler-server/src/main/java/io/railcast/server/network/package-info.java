/**
 * The stations and screens RailCast plans for: {@code /api/v1/stations} and {@code /api/v1/screens}, stored in the
 * {@code station} and {@code screen} tables and mapped to {@code io.railcast.model.network}.
 */
package io.railcast.server.network;
