/**
 * The demo network generator: from a seed, a realistic network (stations, screens) and booking book (campaigns,
 * creatives) for the server's demo data and the benchmarks. {@link io.railcast.demo.NetworkGenerator} is the entry,
 * {@link io.railcast.demo.DemoOptions} its settings, {@link io.railcast.demo.DemoScenario} its result; the rest is
 * package-private. The same options and seed always draw the same scenario.
 */
package io.railcast.demo;
