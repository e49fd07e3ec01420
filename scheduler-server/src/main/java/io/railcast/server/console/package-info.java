/**
 * The web console for media planners, the CSR team and operators: static pages under {@code /console/} (plain
 * ES modules, Apache ECharts from its WebJar) that call the JSON API through {@code /console/api/v1/**} with a
 * session made by a sign-in form, beside the API's stateless HTTP Basic.
 */
package io.railcast.server.console;
