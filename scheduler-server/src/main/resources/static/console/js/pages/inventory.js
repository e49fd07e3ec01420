// Inventory: fill % by province × day over the version's days; a click on a cell drills down to that province's
// stations × hours of the day, read from the screens' hour plans.
import {get} from '../api.js';
import {t} from '../i18n.js';
import {addDays, chart, esc} from '../dom.js';
import {loadNetwork} from '../network-data.js';

export async function render(view) {
  const [network, version] = await Promise.all([loadNetwork(), get('/versions/current')]);
  const days = Array.from({length: version.days}, (_, i) => addDays(version.firstDay, i));
  view.innerHTML = `
    <h1 data-i18n="nav.inventory"></h1>
    <section class="card"><h2 data-i18n="inv.title"></h2><p class="muted" data-i18n="inv.drill"></p>
      <div class="chart" id="province-day"></div></section>
    <section class="card" id="drill" hidden><h2><span data-i18n="inv.stationHour"></span> · <span id="drill-title"></span></h2>
      <div class="chart" id="station-hour"></div></section>`;
  const provinceDay = chart(view.querySelector('#province-day'));
  const stationHour = chart(view.querySelector('#station-hour'));
  const inventories = await Promise.all(days.map(day => get('/inventory?date=' + day)));
  const provinces = network.provinces.map(p => p[0]);
  const cells = [];
  provinces.forEach((province, y) => inventories.forEach((inventory, x) => {
    let onAir = 0, contracted = 0;
    for (const s of inventory.stations) {
      if (network.byCode.get(s.station)?.province !== province) continue;
      onAir += s.onAirSeconds;
      contracted += s.contractedSeconds;
    }
    cells.push([x, y, onAir ? Math.round(1000 * contracted / onAir) / 10 : '-']);
  }));
  const heat = (instance, x, y, data, height) => {
    instance.setOption({
      tooltip: {position: 'top'}, grid: {left: 150, right: 20, top: 10, bottom: 60},
      xAxis: {type: 'category', data: x}, yAxis: {type: 'category', data: y, inverse: true},
      visualMap: {min: 0, max: Math.max(10, Math.ceil(Math.max(...data.map(d => Number(d[2]) || 0)) / 10) * 10), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: {color: ['#e3f2fd', '#1565c0', '#0d2b52']}},
      series: [{type: 'heatmap', data, label: {show: x.length <= 10}}],
    }, true);
    instance.getDom().style.height = height + 'px';
    instance.resize();
  };
  heat(provinceDay, days, provinces, cells, Math.max(220, 80 + provinces.length * 24));
  view.querySelector('#province-day').dataset.cells = String(cells.length);

  provinceDay.on('click', async p => {
    const province = provinces[p.value[1]];
    const day = days[p.value[0]];
    const stations = network.stations.filter(s => s.province === province && s.screens > 0);
    view.querySelector('#drill').hidden = false;
    view.querySelector('#drill-title').textContent = `${province} · ${day}`;
    // one screen per station stands for its station here: the hour plans of a station's screens of one type are
    // shared, and the API reads one screen-hour at a time
    const data = [];
    await Promise.all(stations.map((s, y) => Promise.all(Array.from({length: 24}, (_, hour) =>
      get(`/screens/${encodeURIComponent(network.screens.find(sc => sc.station === s.code).id)}/plan?date=${day}&hour=${hour}`)
        .then(plan => {
          if (!plan.onAir) return;
          const air = plan.onAir.to - plan.onAir.from;
          const paid = plan.spots.filter(sp => sp.kind !== 'FILLER').reduce((n, sp) => n + sp.duration, 0);
          data.push([hour, y, Math.round(1000 * paid / air) / 10]);
        })))));
    heat(stationHour, Array.from({length: 24}, (_, h) => `${h}:00`), stations.map(s => esc(s.name)), data,
      Math.max(220, 80 + stations.length * 24));
  });
  return () => { provinceDay.dispose(); stationHour.dispose(); };
}
