// Screen timeline: one screen's hour as a bar of spots coloured by campaign, stepping through hours and days, with a
// live "now playing" marker; a new version announced by the server's plan events reloads the hour.
import {events, get} from '../api.js';
import {t} from '../i18n.js';
import {addDays, chart, colourOf, esc, shanghaiClock, shanghaiDate} from '../dom.js';
import {loadNetwork} from '../network-data.js';

export async function render(view, {params}) {
  const network = await loadNetwork();
  const stations = [...network.stations].filter(s => s.screens > 0)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  const clock = shanghaiClock();
  const state = {
    station: params.get('station') || stations[0]?.code,
    screen: params.get('screen'),
    date: params.get('date') || clock.date,
    hour: params.has('hour') ? Number(params.get('hour')) : clock.hour,
    campaign: params.get('campaign'),
  };
  view.innerHTML = `
    <h1 data-i18n="nav.timeline"></h1>
    <div class="card">
      <div class="row">
        <label><span data-i18n="tl.station"></span><select id="station">${stations.map(s =>
          `<option value="${esc(s.code)}">${esc(s.name)} (${esc(s.code)})</option>`).join('')}</select></label>
        <label><span data-i18n="tl.screen"></span><select id="screen"></select></label>
        <label><span data-i18n="tl.date"></span><input type="date" id="date"></label>
        <label><span data-i18n="tl.hour"></span><select id="hour">${Array.from({length: 24}, (_, h) =>
          `<option value="${h}">${String(h).padStart(2, '0')}:00</option>`).join('')}</select></label>
        <button type="button" class="secondary" id="prev-day" data-i18n="tl.prevDay"></button>
        <button type="button" class="secondary" id="prev-hour" data-i18n="tl.prevHour"></button>
        <button type="button" class="secondary" id="next-hour" data-i18n="tl.nextHour"></button>
        <button type="button" class="secondary" id="next-day" data-i18n="tl.nextDay"></button>
      </div>
      <p><span data-i18n="tl.nowPlaying"></span>: <strong id="now-playing">–</strong> <span class="muted" id="plan-version"></span></p>
      <div class="chart small" id="timeline"></div>
      <div id="legend"></div>
    </div>
    <section class="card">
      <h2 data-i18n="tl.spots"></h2>
      <table><thead><tr><th data-i18n="tl.offset"></th><th data-i18n="tl.duration"></th><th data-i18n="tl.campaign"></th>
        <th data-i18n="tl.creative"></th><th data-i18n="tl.kind"></th></tr></thead><tbody id="spots"></tbody></table>
    </section>`;
  const bar = chart(view.querySelector('#timeline'));
  const el = id => view.querySelector('#' + id);
  let plan = null;

  function screensOf(code) {
    return network.screens.filter(s => s.station === code).sort((a, b) => a.id.localeCompare(b.id));
  }

  function fillScreens() {
    const screens = screensOf(state.station);
    if (!screens.some(s => s.id === state.screen)) state.screen = screens[0]?.id;
    el('screen').innerHTML = screens.map(s => `<option value="${esc(s.id)}">${esc(s.id)} · ${esc(s.type)} · ${esc(s.zone)}</option>`).join('');
    el('screen').value = state.screen;
  }

  async function load() {
    el('station').value = state.station;
    fillScreens();
    el('date').value = state.date;
    el('hour').value = String(state.hour);
    history.replaceState(null, '', `#/timeline?station=${encodeURIComponent(state.station)}&screen=${encodeURIComponent(state.screen)}`
      + `&date=${state.date}&hour=${state.hour}` + (state.campaign ? `&campaign=${encodeURIComponent(state.campaign)}` : ''));
    plan = await get(`/screens/${encodeURIComponent(state.screen)}/plan?date=${state.date}&hour=${state.hour}`);
    draw();
  }

  function draw() {
    el('plan-version').textContent = `${t('tl.version')} v${plan.version}`;
    const campaigns = new Map(plan.spots.map(s => [s.campaign, s]));
    el('legend').innerHTML = plan.onAir ? [...campaigns.values()].map(s => `<span class="legend-item" data-campaign="${esc(s.campaign)}">
      <span class="swatch" style="background:${colourOfSpot(s)}"></span>${esc(s.campaignName)} (${esc(s.campaign)})</span>`).join(' &nbsp; ')
      : `<p class="muted" id="off-air">${t('tl.offAir')}</p>`;
    el('spots').innerHTML = plan.spots.map(s => `<tr data-campaign="${esc(s.campaign)}" class="${s.campaign === state.campaign ? 'highlight' : ''}">
      <td>${s.offset}</td><td>${s.duration}</td><td>${esc(s.campaignName)} (${esc(s.campaign)})</td><td>${esc(s.creative)}</td>
      <td>${t('kind.' + s.kind)}</td></tr>`).join('');
    bar.setOption({
      tooltip: {formatter: p => `${esc(p.data.spot.campaignName)}<br>${esc(p.data.spot.creative)}<br>${p.data.spot.offset}s + ${p.data.spot.duration}s`},
      grid: {left: 20, right: 20, top: 30, bottom: 30},
      xAxis: {type: 'value', min: 0, max: 3600, interval: 300,
        axisLabel: {formatter: v => clockLabel(state.hour, v)}},
      yAxis: {type: 'category', data: [state.screen], show: false},
      series: [{
        type: 'custom',
        renderItem: (params, api) => {
          const start = api.coord([api.value(0), 0]);
          const end = api.coord([api.value(1), 0]);
          const height = api.size([0, 1])[1] * 0.6;
          return {type: 'rect', shape: {x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height},
            style: {fill: api.visual('color'), opacity: state.campaign && api.value(2) !== state.campaign ? 0.35 : 1}};
        },
        encode: {x: [0, 1], y: 3},
        data: plan.spots.map(s => ({value: [s.offset, s.offset + s.duration, s.campaign, 0], spot: s,
          itemStyle: {color: colourOfSpot(s)}})),
        markLine: {symbol: 'none', silent: true, data: [], lineStyle: {color: '#c62828', width: 2},
          label: {formatter: p => clockLabel(state.hour, p.value, true)}},
      }],
    }, true);
    tick();
  }

  function tick() {
    if (!plan) return;
    const now = shanghaiClock();
    const live = now.date === state.date && now.hour === state.hour;
    const spot = live ? plan.spots.find(s => s.offset <= now.second && now.second < s.offset + s.duration) : null;
    el('now-playing').textContent = !live ? '–' : spot ? `${spot.campaignName} (${spot.campaign}) · ${spot.creative}` : '–';
    bar.setOption({series: [{markLine: {data: live ? [{xAxis: now.second}] : []}}]});
  }

  function step(hours) {
    let hour = state.hour + hours;
    let date = state.date;
    while (hour < 0) { hour += 24; date = addDays(date, -1); }
    while (hour > 23) { hour -= 24; date = addDays(date, 1); }
    Object.assign(state, {hour, date});
    load();
  }

  el('station').addEventListener('change', () => { state.station = el('station').value; state.screen = null; load(); });
  el('screen').addEventListener('change', () => { state.screen = el('screen').value; load(); });
  el('date').addEventListener('change', () => { state.date = el('date').value || shanghaiDate(); load(); });
  el('hour').addEventListener('change', () => { state.hour = Number(el('hour').value); load(); });
  el('prev-hour').addEventListener('click', () => step(-1));
  el('next-hour').addEventListener('click', () => step(1));
  el('prev-day').addEventListener('click', () => step(-24));
  el('next-day').addEventListener('click', () => step(24));

  const timer = setInterval(tick, 1000);
  const source = events('/plans/events', (type, event) => {
    if (type === 'plan-finished' && event.outcome === 'PUBLISHED') load();
  });
  await load();
  return () => { clearInterval(timer); source.close(); bar.dispose(); };
}

/** Fillers are grey, so that what was sold stands out. */
function colourOfSpot(spot) {
  return spot.kind === 'FILLER' ? '#cfd8dc' : colourOf(spot.campaign);
}

function clockLabel(hour, second, withSeconds = false) {
  const h = (hour + Math.floor(second / 3600)) % 24;
  const m = Math.floor(second % 3600 / 60);
  const two = n => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}` + (withSeconds ? `:${two(second % 60)}` : '');
}
