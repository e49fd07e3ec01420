package io.railcast.demo;

import io.railcast.model.network.Station;

/** A signed station and the city it serves: campaign drafts sell by city and favour the big ones. */
record Site(Station station, City city) {}
