/**
 * Kiosk mode: the page a full-screen browser shows, served on 127.0.0.1 with its feed of slots and the cached media
 * ({@link io.railcast.agent.kiosk.KioskServer}, {@link io.railcast.agent.kiosk.KioskFeed}). Public types here serve
 * the agent's other packages only; not an API.
 */
package io.railcast.agent.kiosk;
