// Inventory: fill % by province × day over the version's days; a click on a cell drills down to that province's
// stations × hours of the day (and the whole day), as GET /inventory/hours counts them over every screen.
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
      <p class="error" id="drill-error"></p><div class="chart" id="station-hour"></div></section>`;
  const provinceDay = chart(view.querySelector('#province-day'));
  const stationHour = chart(view.querySelector('#station-hour'));
  const inventories = await Promise.all(days.map(day => get('/inventory?date=' + day)));
  const provinces = network.provinces.filter(p => p[1] > 0).map(p => p[0]);
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
  const heat = (instance, x, y, data, height, series = {}) => {
    instance.setOption({
      tooltip: {position: 'top', ...series.tooltip}, grid: {left: 150, right: 20, top: 10, bottom: 70},
      xAxis: {type: 'category', data: x}, yAxis: {type: 'category', data: y, inverse: true},
      visualMap: {min: 0, max: Math.max(10, Math.ceil(Math.max(...data.map(d => Number(d[2]) || 0)) / 10) * 10), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: {color: ['#e3f2fd', '#1565c0', '#0d2b52']}},
      series: [{type: 'heatmap', data, label: series.label || {show: x.length <= 10}}],
    }, true);
    instance.getDom().style.height = height + 'px';
    instance.resize();
  };
  heat(provinceDay, days, provinces, cells, Math.max(220, 80 + provinces.length * 24));
  view.querySelector('#province-day').dataset.cells = String(cells.length);

  let asked = 0;
  provinceDay.on('click', async p => {
    const province = provinces[p.value[1]];
    const day = days[p.value[0]];
    const drill = view.querySelector('#station-hour');
    const ask = ++asked;
    view.querySelector('#drill').hidden = false;
    view.querySelector('#drill-title').textContent = `${province} · ${day}`;
    drill.dataset.state = 'loading';
    view.querySelector('#drill-error').textContent = '';
    let answer;
    try {
      // counted on the server as GET /inventory counts a station's day, over every screen of the station
      answer = await get(`/inventory/hours?date=${day}&province=${encodeURIComponent(province)}`);
    } catch (e) {
      if (ask !== asked) return;
      view.querySelector('#drill-error').textContent = `${t('common.error')}: ${e.message}`;
      drill.dataset.state = 'error';
      return;
    }
    if (ask !== asked) return;
    const hours = Array.from({length: 24}, (_, h) => `${h}:00`);
    const data = [];
    answer.stations.forEach((s, y) => {
      s.hours.forEach(h => data.push([h.hour, y, h.fillPercent ?? '-']));
      data.push([24, y, s.day.onAirSeconds ? s.day.fillPercent : '-']);
    });
    const names = answer.stations.map(s => s.name);
    heat(stationHour, [...hours, t('inv.wholeDay')], names, data, Math.max(220, 80 + names.length * 28), {
      label: {show: true, fontSize: 10},
      tooltip: {formatter: c => `${esc(names[c.value[1]])} · ${esc(c.value[0] < 24 ? hours[c.value[0]] : t('inv.wholeDay'))}`
        + ` · ${c.value[2] === '-' ? t('inv.closed') : c.value[2] + '%'}`},
    });
    Object.assign(drill.dataset, {state: 'ready', province, day, version: String(answer.version)});
  });
  return () => { provinceDay.dispose(); stationHour.dispose(); };
}
