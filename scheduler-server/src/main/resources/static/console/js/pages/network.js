// Network: the stations, read 100 at a time through the API's cursor pages with its filters (text in the code or
// name, province, bureau, tier), each row opening the station's own page (station.js); CSV export of what the filters
// select, and (for administrators) CSV import of stations through the API's bulk import, which goes on while other
// views are open and shows its phase here when this view is opened again. Data is written with esc() only.
import {t} from '../i18n.js';
import {getAll, getPage, problemText} from '../api.js';
import {download, esc, num, toCsv} from '../dom.js';
import {importStations, importing, latestImport, onImport} from '../imports.js';

const STATION_COLUMNS = ['code', 'name', 'province', 'bureau', 'tier', 'zone', 'operatingHours'];
const TIERS = ['HUB', 'MAJOR', 'STANDARD'];
const PAGE = 100;

export async function render(view, {user, params}) {
  view.innerHTML = `
    <h1 data-i18n="nav.network"></h1>
    <form class="card row" id="station-filters" role="search">
      <label><span data-i18n="net.search"></span><input id="search" type="search" size="16"></label>
      <label><span data-i18n="net.province"></span><input id="province" size="10"></label>
      <label><span data-i18n="net.bureau"></span><input id="bureau" size="10"></label>
      <label><span data-i18n="net.tier"></span><select id="tier"><option value="" data-i18n="net.all"></option>
        ${TIERS.map(tier => `<option value="${tier}" data-i18n="tier.${tier}"></option>`).join('')}</select></label>
      <button type="button" class="secondary" id="export-stations" data-i18n="net.exportStations"></button>
      <button type="button" class="secondary" id="export-screens" data-i18n="net.exportScreens"></button>
      ${user.manageNetwork ? `<label><span data-i18n="net.import"></span><input type="file" id="import" accept=".csv,text/csv"></label>` : ''}
    </form>
    <section class="card" id="import-card" hidden><h2><span data-i18n="net.importTitle"></span> · <span id="import-file"></span></h2>
      <progress id="import-progress" max="4" value="0" aria-labelledby="import-phase"></progress> <span id="import-phase"></span>
      <p id="import-result"></p><div class="scroll"><table><tbody id="import-errors"></tbody></table></div></section>
    <section class="card"><p class="muted"><span id="shown">0</span> <span data-i18n="net.shown"></span></p>
      <p class="error" id="problem" role="alert"></p>
      <div class="scroll"><table><thead><tr><th data-i18n="net.code"></th><th data-i18n="net.name"></th><th data-i18n="net.province"></th>
        <th data-i18n="net.bureau"></th><th data-i18n="net.tier"></th><th data-i18n="st.hours"></th><th data-i18n="nav.timeline"></th></tr></thead>
        <tbody id="stations"></tbody></table></div>
      <button type="button" class="secondary" id="more" data-i18n="net.more" hidden></button></section>`;
  const el = id => view.querySelector('#' + id);
  const FILTERS = {search: 'q', province: 'province', bureau: 'bureau', tier: 'tier'};
  for (const [id, name] of Object.entries(FILTERS)) el(id).value = params.get(name) || '';

  function filters() {
    const query = new URLSearchParams();
    for (const [id, name] of Object.entries(FILTERS)) if (el(id).value.trim()) query.set(name, el(id).value.trim());
    return query;
  }

  // Each read is numbered: an answer to a search typed over since is dropped, so rows never mix two searches.
  let read = 0;
  let after = null;
  let shown = 0;

  async function load(append) {
    const mine = ++read;
    const query = filters();
    query.set('limit', PAGE);
    if (append && after) query.set('after', after);
    el('problem').textContent = '';
    el('more').hidden = true;
    try {
      const page = await getPage(`/stations?${query}`);
      if (mine !== read) return;
      const rows = page.items.map(s => `<tr data-code="${esc(s.code)}">
        <td><a href="#/station?code=${encodeURIComponent(s.code)}">${esc(s.code)}</a></td><td>${esc(s.name)}</td>
        <td>${esc(s.province)}</td><td>${esc(s.bureau)}</td><td>${esc(t('tier.' + s.tier))}</td><td>${esc(s.operatingHours)}</td>
        <td><a href="#/timeline?station=${encodeURIComponent(s.code)}" aria-label="${esc(t('nav.timeline') + ' ' + s.code)}">→</a></td></tr>`).join('');
      if (append) el('stations').insertAdjacentHTML('beforeend', rows); else el('stations').innerHTML = rows;
      shown = (append ? shown : 0) + page.items.length;
      after = page.after;
      el('shown').textContent = num(shown);
      el('more').hidden = !after;
      view.dataset.loaded = String(mine);
    } catch (e) {
      if (mine === read) el('problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  }

  // typing searches once the user pauses; the address keeps the filters for the back button and bookmarks
  let typing;
  const search = () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      history.replaceState(null, '', `#/network?${filters()}`);
      load(false);
    }, 250);
  };
  ['search', 'province', 'bureau', 'tier'].forEach(id => el(id).addEventListener('input', search));
  el('station-filters').addEventListener('submit', event => { event.preventDefault(); search(); });
  el('more').addEventListener('click', () => load(true));
  const selected = () => getAll(`/stations?${filters()}`);
  el('export-stations').addEventListener('click', async () => download('stations.csv',
    toCsv(STATION_COLUMNS, (await selected()).map(s => STATION_COLUMNS.map(c => s[c])))));
  el('export-screens').addEventListener('click', async () => {
    const [stations, screens] = await Promise.all([selected(), getAll('/screens')]);
    const codes = new Set(stations.map(s => s.code));
    download('screens.csv', toCsv(['id', 'station', 'type', 'zone', 'loopSeconds', 'slotSeconds'],
      screens.filter(s => codes.has(s.station))
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
    if (state.phase === 'done' && shownPhase !== 'done') await load(false);
    shownPhase = state.phase;
  };
  showImport(latestImport());
  const stopListening = onImport(showImport);
  await load(false);
  return () => { clearTimeout(typing); stopListening(); };
}
