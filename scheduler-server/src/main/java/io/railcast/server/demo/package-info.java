/**
 * Demo data on the first start: with an empty database (and {@code railcast.demo.enabled}, the default), the
 * network, creatives (small generated PNG files with their real SHA-256) and campaigns of
 * {@link io.railcast.demo.NetworkGenerator}, and demo users; planning then publishes version 1.
 */
package io.railcast.server.demo;
