// Booking: creatives, targeting with screen counts, flight, daily hours and frequency; a live availability check
// (stations × days heatmap and every shortfall named) before submit; then where the campaign plays.
import {ApiError, get, getAll, post, problemText} from '../api.js';
import {t} from '../i18n.js';
import {addDays, chart, esc, num, shanghaiDate} from '../dom.js';
import {creativeUploadFields, wireCreativeUpload} from '../creative-upload.js';
import {loadNetwork, reach} from '../network-data.js';
import {holdsSection, wireHolds} from '../holds.js';

export async function render(view, {user}) {
  if (!user.bookCommercial) {
    view.innerHTML = `<p class="error" id="no-right">${t('book.noRight')}</p>`;
    return;
  }
  const [network, creatives] = await Promise.all([loadNetwork(), getAll('/creatives')]);
  const today = shanghaiDate();
  view.innerHTML = `
    <h1 data-i18n="nav.booking"></h1>
    <form id="booking-form" class="card" autocomplete="off">
      <div class="row">
        <label><span data-i18n="book.name"></span><input id="name" required value=""></label>
        <label><span data-i18n="book.owner"></span><input id="owner" value=""></label>
      </div>
      <h2 data-i18n="book.creatives"></h2>
      <input id="creative-filter" data-i18n-placeholder="book.filter">
      <div class="picker" id="creatives">${creatives.map(creativeOption).join('')}</div>
      ${creativeUploadFields(network.screenTypes)}
      <h2 data-i18n="book.targeting"></h2>
      <div class="row">
        ${picker('provinces', 'book.provinces', network.provinces)}
        ${picker('bureaus', 'book.bureaus', network.bureaus)}
        <div><span class="muted" data-i18n="book.stations"></span><br>
          <input id="station-filter" data-i18n-placeholder="book.filter">
          <div class="picker" id="stations">${network.stations.map(s => `<label data-search="${esc(s.code + ' ' + s.name + ' ' + s.province)}">
            <input type="checkbox" name="stations" value="${esc(s.code)}"> ${esc(s.name)} <small>${esc(s.code)}</small>
            <span class="count">${s.screens}</span></label>`).join('')}</div></div>
        ${picker('screenTypes', 'book.screenTypes', network.screenTypes.map(type =>
          [type, network.screens.filter(s => s.type === type).length]))}
      </div>
      <p><span data-i18n="book.chosen"></span>: <strong id="chosen-screens">0</strong>
        (<span id="chosen-stations">0</span> <span data-i18n="book.stations"></span>)</p>
      <div class="row">
        <label><span data-i18n="book.start"></span><input type="date" id="start" value="${today}"></label>
        <label><span data-i18n="book.end"></span><input type="date" id="end" value="${addDays(today, 7)}"></label>
        <label><span data-i18n="book.dailyHours"></span><input type="time" id="hours-from" value="07:00"></label>
        <label><span>&nbsp;</span><input type="time" id="hours-to" value="22:00" data-i18n-aria="book.hoursTo"></label>
        <label><span data-i18n="book.frequency"></span><input type="number" id="frequency-count" min="1" value="6" style="width: 6em"></label>
        <label><span>&nbsp;</span><select id="frequency-period" data-i18n-aria="book.period"><option value="h">/ h</option>
          <option value="5min" selected>/ 5 min</option><option value="day">/ day</option></select></label>
      </div>
      <div class="row">
        <button type="button" class="secondary" id="check" data-i18n="book.check"></button>
        <button type="submit" id="book-submit" disabled data-i18n="book.submit"></button>
        <span id="availability-status" class="badge"></span>
      </div>
    </form>
    <section class="card" id="booked" hidden></section>
    <section class="card">
      <h2 data-i18n="book.heatmap"></h2>
      <div class="chart" id="heatmap"></div>
      <h2><span data-i18n="book.shortfalls"></span> <span id="shortfall-count" class="badge"></span></h2>
      <table><thead><tr><th data-i18n="book.station"></th><th data-i18n="book.date"></th><th data-i18n="book.hour"></th>
        <th data-i18n="book.screens"></th><th data-i18n="book.shortSeconds"></th><th data-i18n="tl.campaign"></th></tr></thead>
        <tbody id="shortfalls"></tbody></table>
    </section>
    ${holdsSection()}`;

  const form = view.querySelector('#booking-form');
  wireHolds(view, user);
  const status = view.querySelector('#availability-status');
  const submit = view.querySelector('#book-submit');
  const heatmap = chart(view.querySelector('#heatmap'));
  const inventories = new Map();
  let checked = 0;
  let fitting = null; // the booking (as JSON) that the last check found to fit
  let timer;

  const checkedValues = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);
  const targeting = () => ({stations: checkedValues('stations'), provinces: checkedValues('provinces'),
    bureaus: checkedValues('bureaus'), screenTypes: checkedValues('screenTypes')});
  const payload = () => ({
    name: view.querySelector('#name').value || undefined, kind: 'COMMERCIAL',
    owner: view.querySelector('#owner').value || undefined,
    creatives: checkedValues('creative').map(id => ({id})), targeting: targeting(),
    flight: {start: view.querySelector('#start').value + 'T00:00', end: view.querySelector('#end').value + 'T00:00'},
    dailyHours: view.querySelector('#hours-from').value + '-' + view.querySelector('#hours-to').value,
    frequency: view.querySelector('#frequency-count').value + '/' + view.querySelector('#frequency-period').value,
  });

  function filterList(input, list) {
    input.addEventListener('input', () => {
      const q = input.value.trim().toLowerCase();
      list.querySelectorAll('label').forEach(l => {
        l.hidden = q && !(l.dataset.search || l.textContent).toLowerCase().includes(q);
      });
    });
  }
  filterList(view.querySelector('#creative-filter'), view.querySelector('#creatives'));
  wireCreativeUpload(form, creative => {
    // the new creative first in the list, chosen: the availability check runs as for any change of the booking
    const list = view.querySelector('#creatives');
    list.insertAdjacentHTML('afterbegin', creativeOption(creative));
    const box = list.querySelector('input[name="creative"]');
    box.checked = true;
    box.dispatchEvent(new Event('change', {bubbles: true}));
  });
  filterList(view.querySelector('#station-filter'), view.querySelector('#stations'));

  function showReach() {
    const r = reach(network, targeting());
    view.querySelector('#chosen-screens').textContent = num(r.screens);
    view.querySelector('#chosen-stations').textContent = num(r.stations.length);
    return r;
  }

  function setStatus(kind, text) {
    status.className = 'badge ' + kind;
    status.textContent = text;
    status.dataset.state = kind;
  }

  async function inventoryOf(date) {
    if (!inventories.has(date)) {
      inventories.set(date, get('/inventory?date=' + date).then(
        inv => new Map(inv.stations.map(s => [s.station, s.fillPercent])), () => new Map()));
    }
    return inventories.get(date);
  }

  async function drawHeatmap(answer) {
    const shortByCell = new Map();
    for (const s of answer.shortfalls) {
      const key = s.station + '|' + s.date;
      shortByCell.set(key, (shortByCell.get(key) || 0) + s.shortSeconds * s.screens);
    }
    const shortStations = [...new Set(answer.shortfalls.map(s => s.station))];
    const reached = showReach().stations.map(s => s.code);
    const stations = [...shortStations, ...reached.filter(c => !shortStations.includes(c))].slice(0, 40);
    const days = Array.from({length: answer.days}, (_, i) => addDays(answer.firstDay, i));
    const fills = await Promise.all(days.map(inventoryOf));
    const cells = [];
    const marks = [];
    stations.forEach((code, y) => days.forEach((day, x) => {
      const fill = fills[x].get(code);
      cells.push([x, y, fill === undefined ? '-' : Math.max(0, Math.round(100 - fill))]);
      const short = shortByCell.get(code + '|' + day);
      if (short) marks.push([x, y, short]);
    }));
    heatmap.setOption({
      tooltip: {formatter: p => `${esc(network.label(stations[p.value[1]]))}<br>${esc(days[p.value[0]])}<br>`
        + (p.seriesIndex === 0 ? `${t('book.free')}: ${p.value[2]}` : `${t('book.shortSeconds')}: ${p.value[2]}`)},
      grid: {left: 150, right: 20, top: 10, bottom: 60},
      xAxis: {type: 'category', data: days},
      yAxis: {type: 'category', data: stations.map(c => network.byCode.get(c)?.name ?? c), inverse: true},
      visualMap: {min: 0, max: 100, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        seriesIndex: 0, inRange: {color: ['#c62828', '#fff59d', '#2e7d32']}, text: [t('book.free'), '']},
      series: [{type: 'heatmap', data: cells, label: {show: days.length <= 10}},
        {type: 'scatter', data: marks, symbol: 'pin', symbolSize: 22, itemStyle: {color: '#b71c1c'}}],
    }, true);
    view.querySelector('#heatmap').style.height = Math.max(200, 80 + stations.length * 24) + 'px';
    heatmap.resize();
  }

  function showShortfalls(answer) {
    view.querySelector('#shortfall-count').textContent = answer.stationHours;
    view.querySelector('#shortfalls').innerHTML = answer.shortfalls.map(s => `<tr class="shortfall">
      <td>${esc(network.label(s.station))}</td><td>${s.date}</td><td>${s.hour}:00</td><td>${s.screens}</td>
      <td>${s.shortSeconds}</td>
      <td>${esc(s.campaigns.map(c => c === '~proposed' ? t('book.thisCampaign') : c).join(', '))}</td></tr>`).join('');
  }

  async function check() {
    const mine = ++checked;
    const proposed = payload();
    fitting = null;
    submit.disabled = true;
    showReach();
    if (!checkedValues('creative').length) return;
    setStatus('', t('book.checking'));
    try {
      const answer = await post('/campaigns/availability', proposed);
      if (mine !== checked) return;
      showShortfalls(answer);
      await drawHeatmap(answer);
      if (answer.fits) {
        setStatus('ok', t('book.fits'));
        fitting = JSON.stringify(proposed);
        submit.disabled = JSON.stringify(payload()) !== fitting;
      } else {
        setStatus('bad', `${t('book.short')}: ${answer.stationHours} × ${t('book.station')}-${t('book.hour')}, ${num(answer.shortSeconds)} s`);
      }
    } catch (e) {
      if (mine !== checked) return;
      setStatus('bad', problemText(e));
    }
  }

  // a change event also fires when the field loses focus to the submit button: only a different booking is
  // checked again (and keeps submit disabled until then)
  const edited = delay => {
    showReach();
    if (JSON.stringify(payload()) === fitting) return;
    clearTimeout(timer);
    submit.disabled = true;
    timer = setTimeout(check, delay);
  };
  form.addEventListener('input', () => edited(500));
  form.addEventListener('change', () => edited(300));
  view.querySelector('#check').addEventListener('click', check);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (JSON.stringify(payload()) !== fitting) return;
    submit.disabled = true;
    fitting = null;
    setStatus('', t('common.progress'));
    try {
      const booked = await post('/campaigns', payload());
      setStatus('ok', `${t('book.booked')} v${booked.scheduleVersion}`);
      await showWherePlays(booked);
    } catch (e) {
      if (e instanceof ApiError && e.problem.shortfalls) {
        showShortfalls(e.problem);
        await drawHeatmap(e.problem);
      }
      setStatus('bad', problemText(e));
    }
  });

  async function showWherePlays(booked) {
    const id = booked.campaign.id;
    const delivery = await get(`/campaigns/${encodeURIComponent(id)}/delivery`);
    const byStation = new Map();
    for (const row of delivery.rows.filter(r => r.scheduledPlays > 0)) {
      const entry = byStation.get(row.station) || {plays: 0, first: row.date};
      entry.plays += row.scheduledPlays;
      if (row.date < entry.first) entry.first = row.date;
      byStation.set(row.station, entry);
    }
    const hour = Number(view.querySelector('#hours-from').value.slice(0, 2));
    const section = view.querySelector('#booked');
    section.hidden = false;
    section.innerHTML = `<h2>${t('book.booked')} v${booked.scheduleVersion}: <span id="booked-id">${esc(id)}</span></h2>
      <h2 data-i18n="book.wherePlays"></h2>
      <table><thead><tr><th>${t('book.station')}</th><th>${t('book.scheduledPlays')}</th><th></th></tr></thead>
      <tbody id="where-plays">${[...byStation].map(([station, e]) => `<tr><td>${esc(network.label(station))}</td>
        <td>${num(e.plays)}</td><td><a class="timeline-link" href="#/timeline?station=${encodeURIComponent(station)}&date=${e.first}&hour=${hour}&campaign=${encodeURIComponent(id)}">${t('book.openTimeline')}</a></td></tr>`).join('')}</tbody></table>`;
    section.querySelector('[data-i18n]').textContent = t('book.wherePlays');
  }

  showReach();
  return () => heatmap.dispose();
}

function picker(name, label, entries) {
  return `<div><span class="muted" data-i18n="${label}"></span><div class="picker" id="${name}">${entries.map(([value, count]) =>
    `<label><input type="checkbox" name="${name}" value="${esc(value)}"> ${esc(value)} <span class="count">${num(count)}</span></label>`).join('')}</div></div>`;
}

function creativeOption(c) {
  return `<label><input type="checkbox" name="creative" value="${esc(c.id)}">
    ${esc(c.id)} <span class="count">${c.durationSeconds}s · ${c.screenTypes.join('/')}</span></label>`;
}
