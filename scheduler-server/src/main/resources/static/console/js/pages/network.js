// Network: stations and screens, searchable and filterable by province, bureau, tier and screen type; CSV export of
// what is shown, and (for administrators) CSV import of stations through the API's bulk import, which goes on
// while other views are open and shows its phase here when this view is opened again.
import {t} from '../i18n.js';
import {download, esc, num, toCsv} from '../dom.js';
import {importStations, importing, latestImport, onImport} from '../imports.js';
import {loadNetwork} from '../network-data.js';

const STATION_COLUMNS = ['code', 'name', 'province', 'bureau', 'tier', 'zone', 'operatingHours'];

export async function render(view, {user}) {
  let network = await loadNetwork();
  const options = values => `<option value="">${t('net.all')}</option>` + values.map(v => `<option>${esc(v)}</option>`).join('');
  const tiers = [...new Set(network.stations.map(s => s.tier))].sort();
  view.innerHTML = `
    <h1 data-i18n="nav.network"></h1>
    <div class="card row">
      <label><span>&nbsp;</span><input id="search" data-i18n-placeholder="net.search"></label>
      <label><span data-i18n="net.province"></span><select id="province">${options(network.provinces.map(p => p[0]))}</select></label>
      <label><span data-i18n="net.bureau"></span><select id="bureau">${options(network.bureaus.map(b => b[0]))}</select></label>
      <label><span data-i18n="net.tier"></span><select id="tier">${options(tiers)}</select></label>
      <label><span data-i18n="net.screenType"></span><select id="type">${options(network.screenTypes)}</select></label>
      <button type="button" class="secondary" id="export-stations" data-i18n="net.exportStations"></button>
      <button type="button" class="secondary" id="export-screens" data-i18n="net.exportScreens"></button>
      ${user.manageNetwork ? `<label><span data-i18n="net.import"></span><input type="file" id="import" accept=".csv,text/csv"></label>` : ''}
    </div>
    <section class="card" id="import-card" hidden><h2><span data-i18n="net.importTitle"></span> · <span id="import-file"></span></h2>
      <progress id="import-progress" max="4" value="0"></progress> <span id="import-phase"></span>
      <p id="import-result"></p><table><tbody id="import-errors"></tbody></table></section>
    <section class="card"><p class="muted"><span id="shown">0</span> <span data-i18n="net.shown"></span></p>
      <table><thead><tr><th data-i18n="net.code"></th><th data-i18n="net.name"></th><th data-i18n="net.province"></th>
        <th data-i18n="net.bureau"></th><th data-i18n="net.tier"></th><th data-i18n="net.screens"></th></tr></thead>
        <tbody id="stations"></tbody></table>
      <button type="button" class="secondary" id="more" data-i18n="net.more" hidden></button></section>`;
  const el = id => view.querySelector('#' + id);

  function shown() {
    const q = el('search').value.trim().toLowerCase();
    const [province, bureau, tier, type] = ['province', 'bureau', 'tier', 'type'].map(id => el(id).value);
    return network.stations.filter(s => (!q || `${s.code} ${s.name}`.toLowerCase().includes(q))
      && (!province || s.province === province) && (!bureau || s.bureau === bureau) && (!tier || s.tier === tier)
      && (!type || s.types[type]));
  }

  // the table grows 500 rows at a time ("more"); a new search or filter starts again from the first 500
  const PAGE = 500;
  let rows = PAGE;

  function draw() {
    const stations = shown();
    const type = el('type').value;
    el('shown').textContent = num(stations.length);
    el('stations').innerHTML = stations.slice(0, rows).map(s => `<tr data-code="${esc(s.code)}"><td>${esc(s.code)}</td>
      <td>${esc(s.name)}</td><td>${esc(s.province)}</td><td>${esc(s.bureau)}</td><td>${esc(s.tier)}</td>
      <td><a href="#/timeline?station=${encodeURIComponent(s.code)}">${num(type ? s.types[type] : s.screens)}</a></td></tr>`).join('');
    el('more').hidden = stations.length <= rows;
  }

  ['search', 'province', 'bureau', 'tier', 'type'].forEach(id => el(id).addEventListener('input', () => {
    rows = PAGE;
    draw();
  }));
  el('more').addEventListener('click', () => {
    rows += PAGE;
    draw();
  });
  el('export-stations').addEventListener('click', () => download('stations.csv',
    toCsv(STATION_COLUMNS, shown().map(s => STATION_COLUMNS.map(c => s[c])))));
  el('export-screens').addEventListener('click', () => {
    const codes = new Set(shown().map(s => s.code));
    const type = el('type').value;
    download('screens.csv', toCsv(['id', 'station', 'type', 'zone', 'loopSeconds', 'slotSeconds'],
      network.screens.filter(s => codes.has(s.station) && (!type || s.type === type))
        .map(s => [s.id, s.station, s.type, s.zone, s.loopPolicy?.loopSeconds, s.loopPolicy?.slotSeconds])));
  });
  const importer = el('import');
  if (importer) {
    importer.addEventListener('change', () => {
      if (importer.files[0] && !importing()) importStations(importer.files[0]);
      importer.value = '';
    });
  }
  let shownPhase = latestImport()?.phase;
  const showImport = async state => {
    if (!state) return;
    const card = el('import-card');
    card.hidden = false;
    card.dataset.phase = state.phase;
    el('import-file').textContent = state.file;
    const step = {read: 0, upload: 1 + (state.size ? state.sent / state.size : 0), store: 2, done: 4, failed: 4}[state.phase];
    el('import-progress').value = step;
    el('import-phase').textContent = importing() ? t('common.progress') : '';
    const result = el('import-result');
    result.className = {done: 'notice', failed: 'error'}[state.phase] || 'muted';
    result.textContent = {
      read: t('imp.read'),
      upload: `${t('imp.upload')} ${num(state.rows)} ${t('imp.rows')} · ${Math.floor(100 * state.sent / (state.size || 1))}%`,
      store: `${t('imp.store')} ${num(state.rows)} ${t('imp.rows')}`,
      done: `${t('net.imported')}: ${num(state.created)}` + (state.updated ? ` · ${t('net.updated')}: ${num(state.updated)}` : ''),
      failed: `${t('imp.failed')}: ${state.message}`,
    }[state.phase];
    el('import-errors').innerHTML = state.errors.map(e => `<tr class="import-error" data-line="${e.line ?? ''}">
      <td>${e.line ? t('imp.line').replace('{n}', e.line) : ''}</td><td>${esc(e.code)}</td><td>${esc(e.field)}</td>
      <td>${esc(e.message)}</td></tr>`).join('');
    if (state.phase === 'done' && shownPhase !== 'done') {
      network = await loadNetwork();
      draw();
    }
    shownPhase = state.phase;
  };
  showImport(latestImport());
  const stopListening = onImport(showImport);
  draw();
  return stopListening;
}
