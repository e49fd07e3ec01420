// Campaigns: find one by text in its id, name or owner (the API's q=), or by the API's filters (kind, status, owner,
// station, flying on a date), 50 at a time through the API's cursor pages; each row opens the campaign's own page. The filters live in the
// address (#/campaigns?status=PAUSED...), so a filtered list can be bookmarked and the back button returns to it.
// Data is written with textContent only.
import {getPage, problemText} from '../api.js';
import {t} from '../i18n.js';
import {dateTime} from '../dom.js';

const FILTERS = ['kind', 'status', 'owner', 'station', 'flying'];
const PAGE = 50;

export async function render(view, {params}) {
  view.innerHTML = `
    <h1 data-i18n="nav.campaigns"></h1>
    <form class="card row" id="campaign-filters" role="search">
      <label><span data-i18n="camp.search"></span><input id="filter-search" type="search" size="16"></label>
      <label><span data-i18n="tl.kind"></span><select id="filter-kind"><option value="" data-i18n="hist.anyType"></option>
        <option value="COMMERCIAL" data-i18n="kind.COMMERCIAL"></option>
        <option value="PUBLIC_SERVICE" data-i18n="kind.PUBLIC_SERVICE"></option>
        <option value="FILLER" data-i18n="kind.FILLER"></option></select></label>
      <label><span data-i18n="camp.status"></span><select id="filter-status"><option value="" data-i18n="hist.anyType"></option>
        <option value="ACTIVE" data-i18n="status.ACTIVE"></option><option value="PAUSED" data-i18n="status.PAUSED"></option>
        <option value="CANCELLED" data-i18n="status.CANCELLED"></option></select></label>
      <label><span data-i18n="book.owner"></span><input id="filter-owner" size="14"></label>
      <label><span data-i18n="camp.stationCode"></span><input id="filter-station" size="12" autocapitalize="characters"></label>
      <label><span data-i18n="camp.flying"></span><input id="filter-flying" type="date"></label>
      <button type="submit" data-i18n="hist.show"></button>
    </form>
    <section class="card">
      <p class="muted" data-i18n="camp.hint"></p>
      <p class="error" id="problem" role="alert"></p>
      <div class="scroll"><table><caption class="muted" id="shown"></caption>
        <thead><tr><th data-i18n="camp.id"></th><th data-i18n="book.name"></th><th data-i18n="tl.kind"></th>
        <th data-i18n="camp.status"></th><th data-i18n="book.owner"></th><th data-i18n="book.flight"></th>
        <th data-i18n="camp.updated"></th></tr></thead><tbody id="campaign-rows"></tbody></table></div>
      <button type="button" class="secondary" id="more" data-i18n="hist.more" hidden></button>
    </section>`;
  const field = name => view.querySelector('#filter-' + name);
  for (const name of FILTERS) field(name).value = params.get(name) || '';
  field('search').value = params.get('q') || '';
  let after = null;
  let shown = 0;

  function query() {
    const query = new URLSearchParams({limit: PAGE});
    for (const name of FILTERS) {
      const value = field(name).value.trim();
      if (value) query.set(name, name === 'station' ? value.toUpperCase() : value);
    }
    if (field('search').value.trim()) query.set('q', field('search').value.trim());
    return query;
  }

  async function load(append) {
    view.querySelector('#problem').textContent = '';
    const rows = view.querySelector('#campaign-rows');
    if (!append) { rows.replaceChildren(); shown = 0; after = null; }
    view.querySelector('#more').hidden = true;
    const path = `/campaigns?${query()}` + (append && after ? `&after=${encodeURIComponent(after)}` : '');
    try {
      const page = await getPage(path);
      rows.append(...page.items.map(row));
      shown += page.items.length;
      after = page.after;
      view.querySelector('#more').hidden = !after;
      view.querySelector('#shown').textContent = `${shown} ${t('net.shown')}`;
      view.dataset.loaded = String(Number(view.dataset.loaded || 0) + 1);
    } catch (e) {
      view.querySelector('#problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  }

  view.querySelector('#campaign-filters').addEventListener('submit', event => {
    event.preventDefault();
    const query = new URLSearchParams();
    for (const name of FILTERS) if (field(name).value.trim()) query.set(name, field(name).value.trim());
    if (field('search').value.trim()) query.set('q', field('search').value.trim());
    history.replaceState(null, '', `#/campaigns?${query}`);
    load(false);
  });
  view.querySelector('#more').addEventListener('click', () => load(true));
  await load(false);
}

function row(item) {
  const c = item.campaign;
  const tr = document.createElement('tr');
  tr.className = 'campaign-row';
  tr.dataset.id = c.id;
  const link = document.createElement('a');
  link.href = `#/campaign?id=${encodeURIComponent(c.id)}`;
  link.textContent = c.id;
  const cells = [link, c.name, t('kind.' + c.kind), t('status.' + item.status), c.owner,
    `${c.flight.start.replace('T', ' ')} – ${c.flight.end.replace('T', ' ')}`, dateTime(item.updatedAt)];
  for (const value of cells) {
    const td = document.createElement('td');
    if (value instanceof Node) td.append(value); else td.textContent = value ?? '';
    tr.append(td);
  }
  return tr;
}
