// Inventory: sold, held or free airtime by province × day for any month of the booking horizon (GET /inventory?month:
// the published plan's days as planned, later days as booked); a click on a cell drills down to that province's
// stations × hours of the day (and the whole day), as GET /inventory/hours counts them over every screen.
import {get} from '../api.js';
import {t} from '../i18n.js';
import {chart, esc, shanghaiDate} from '../dom.js';

export async function render(view) {
  const current = shanghaiDate().slice(0, 7);
  view.innerHTML = `
    <h1 data-i18n="nav.inventory"></h1>
    <section class="card"><h2 data-i18n="inv.title"></h2>
      <div class="row">
        <label><span data-i18n="inv.month"></span><select id="inv-month"><option value="${current}">${current}</option></select></label>
        <label><span data-i18n="inv.measure"></span><select id="inv-measure">
          <option value="sold" data-i18n="inv.sold"></option><option value="held" data-i18n="inv.held"></option>
          <option value="free" data-i18n="inv.free"></option></select></label>
      </div>
      <p class="muted"><span data-i18n="inv.drill"></span> · <span data-i18n="inv.planDays"></span></p>
      <p class="error" id="month-error"></p>
      <div class="chart" id="province-day"></div></section>
    <section class="card" id="drill" hidden><h2><span data-i18n="inv.stationHour"></span> · <span id="drill-title"></span></h2>
      <p class="error" id="drill-error"></p><div class="chart" id="station-hour"></div></section>`;
  const provinceDay = chart(view.querySelector('#province-day'));
  const stationHour = chart(view.querySelector('#station-hour'));
  const monthSelect = view.querySelector('#inv-month');
  const measureSelect = view.querySelector('#inv-measure');
  let days = [];
  let provinces = [];
  let answer = null;
  const percent = (part, whole) => whole ? Math.round(1000 * part / whole) / 10 : '-';
  const value = d => ({sold: percent(d.soldSeconds, d.onAirSeconds), held: percent(d.heldSeconds, d.onAirSeconds),
    free: percent(d.freeSeconds, d.onAirSeconds)})[measureSelect.value];
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
  const draw = () => {
    const el = view.querySelector('#province-day');
    const cells = [];
    answer.provinces.forEach((p, y) => p.days.forEach((d, x) => cells.push([x, y, value(d)])));
    heat(provinceDay, days, provinces, cells, Math.max(220, 80 + provinces.length * 24), {
      tooltip: {formatter: c => {
        const d = answer.provinces[c.value[1]].days[c.value[0]];
        return `${esc(provinces[c.value[1]])} · ${esc(d.date)} · ${t('inv.sold')} ${percent(d.soldSeconds, d.onAirSeconds)}%`
          + ` · ${t('inv.held')} ${percent(d.heldSeconds, d.onAirSeconds)}% · ${t('inv.free')} ${percent(d.freeSeconds, d.onAirSeconds)}%`;
      }},
    });
    Object.assign(el.dataset, {cells: String(cells.length), month: answer.month, measure: measureSelect.value});
  };
  const load = async month => {
    const el = view.querySelector('#province-day');
    el.dataset.state = 'loading';
    view.querySelector('#month-error').textContent = '';
    try {
      answer = await get('/inventory?month=' + month);
    } catch (e) {
      view.querySelector('#month-error').textContent = `${t('common.error')}: ${e.message}`;
      el.dataset.state = 'error';
      return;
    }
    if (monthSelect.options.length === 1) {
      const last = answer.bookableUntil.slice(0, 7);
      const months = [];
      for (let [y, m] = current.split('-').map(Number); `${y}-${String(m).padStart(2, '0')}` <= last; m === 12 ? (y++, m = 1) : m++) {
        months.push(`${y}-${String(m).padStart(2, '0')}`);
      }
      monthSelect.innerHTML = months.map(m => `<option value="${m}">${m}</option>`).join('');
      monthSelect.value = month;
    }
    days = answer.provinces.length ? answer.provinces[0].days.map(d => d.date) : [];
    provinces = answer.provinces.map(p => p.province);
    draw();
    el.dataset.state = 'ready';
  };
  monthSelect.addEventListener('change', () => load(monthSelect.value));
  measureSelect.addEventListener('change', () => answer && draw());
  await load(current);

  let asked = 0;
  provinceDay.on('click', async p => {
    const province = provinces[p.value[1]];
    const day = days[p.value[0]];
    let answer;
    const drill = view.querySelector('#station-hour');
    const ask = ++asked;
    view.querySelector('#drill').hidden = false;
    view.querySelector('#drill-title').textContent = `${province} · ${day}`;
    drill.dataset.state = 'loading';
    view.querySelector('#drill-error').textContent = '';
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
    // held seconds per station and hour (24: the whole day), shown in the tooltip beside the fill
    const held = answer.stations.map(s => [...s.hours.map(h => percent(h.heldSeconds, h.onAirSeconds)),
      percent(s.heldSeconds, s.day.onAirSeconds)]);
    answer.stations.forEach((s, y) => {
      s.hours.forEach(h => data.push([h.hour, y, h.fillPercent ?? '-']));
      data.push([24, y, s.day.onAirSeconds ? s.day.fillPercent : '-']);
    });
    const names = answer.stations.map(s => s.name);
    heat(stationHour, [...hours, t('inv.wholeDay')], names, data, Math.max(220, 80 + names.length * 28), {
      label: {show: true, fontSize: 10},
      tooltip: {formatter: c => `${esc(names[c.value[1]])} · ${esc(c.value[0] < 24 ? hours[c.value[0]] : t('inv.wholeDay'))}`
        + ` · ${c.value[2] === '-' ? t('inv.closed') : c.value[2] + '%'}`
        + (held[c.value[1]][c.value[0]] > 0 ? ` · ${t('inv.held')} ${held[c.value[1]][c.value[0]]}%` : '')},
    });
    Object.assign(drill.dataset, {state: 'ready', province, day, version: String(answer.version)});
  });
  return () => { provinceDay.dispose(); stationHour.dispose(); };
}
