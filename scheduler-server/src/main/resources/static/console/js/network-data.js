// The network as the pickers need it: stations by code with their screen counts, loaded once per page view.
import {getAll} from './api.js';

export async function loadNetwork() {
  const [stations, screens] = await Promise.all([getAll('/stations'), getAll('/screens')]);
  const byCode = new Map(stations.map(s => [s.code, {...s, screens: 0, types: {}}]));
  for (const screen of screens) {
    const station = byCode.get(screen.station);
    if (!station) continue;
    station.screens++;
    station.types[screen.type] = (station.types[screen.type] || 0) + 1;
  }
  const screenTypes = [...new Set(screens.map(s => s.type))].sort();
  const sum = (list, key) => [...list.reduce((m, s) => m.set(s[key], (m.get(s[key]) || 0) + s.screens), new Map())]
    .sort((a, b) => a[0].localeCompare(b[0], 'zh-CN'));
  return {
    stations: [...byCode.values()], byCode, screens, screenTypes,
    provinces: sum(byCode.values(), 'province'), bureaus: sum(byCode.values(), 'bureau'),
    /** The station's Chinese name with its code, for tables. */
    label: code => byCode.has(code) ? `${byCode.get(code).name} (${code})` : code,
  };
}

/** The stations a targeting reaches (places add up, none = all) and how many of their screens pass the type filter. */
export function reach(network, {stations = [], provinces = [], bureaus = [], screenTypes = []}) {
  const anyPlace = stations.length || provinces.length || bureaus.length;
  const chosen = network.stations.filter(s => !anyPlace || stations.includes(s.code)
    || provinces.includes(s.province) || bureaus.includes(s.bureau));
  const screens = chosen.reduce((n, s) => n + (screenTypes.length
    ? screenTypes.reduce((k, type) => k + (s.types[type] || 0), 0) : s.screens), 0);
  return {stations: chosen, screens};
}
