// History: who changed what, when, from where, with the object before and after. Administrators and operators read
// the whole history with filters (object, user, period); everyone else reads one campaign's. Pages of 50, newest
// first, "More" follows the API's Link rel="next". Data is written with textContent only.
import {getPage, problemText} from '../api.js';
import {t} from '../i18n.js';
import {dateTime} from '../dom.js';

const TYPES = ['campaign', 'creative', 'station', 'screen', 'user', 'agent-token'];
const PAGE = 50;

export async function render(view, {user, params}) {
  const everything = user.roles.includes('ADMIN') || user.roles.includes('OPERATOR');
  view.innerHTML = `
    <h1 data-i18n="nav.history"></h1>
    <form class="card row" id="history-filters">
      <label ${everything ? '' : 'hidden'}><span data-i18n="hist.type"></span><select id="history-type">
        <option value="" data-i18n="hist.anyType"></option></select></label>
      <label><span data-i18n="hist.object"></span><input id="history-object" size="16"></label>
      <label ${everything ? '' : 'hidden'}><span data-i18n="hist.user"></span><input id="history-user" size="12"></label>
      <label ${everything ? '' : 'hidden'}><span data-i18n="hist.from"></span><input id="history-from" type="datetime-local"></label>
      <label ${everything ? '' : 'hidden'}><span data-i18n="hist.to"></span><input id="history-to" type="datetime-local"></label>
      <button type="submit" data-i18n="hist.show"></button>
    </form>
    <section class="card">
      <p class="muted" id="hint" data-i18n="${everything ? 'hist.hint' : 'hist.campaignOnly'}"></p>
      <p class="error" id="problem" role="alert"></p>
      <div class="scroll"><table><thead><tr><th data-i18n="hist.when"></th><th data-i18n="hist.user"></th><th data-i18n="hist.address"></th>
        <th data-i18n="hist.kind"></th><th data-i18n="hist.type"></th><th data-i18n="hist.object"></th>
        <th data-i18n="hist.change"></th></tr></thead><tbody id="records"></tbody></table></div>
      <button type="button" class="secondary" id="more" data-i18n="hist.more" hidden></button>
    </section>`;
  const type = view.querySelector('#history-type');
  for (const name of TYPES) type.append(new Option(t('hist.type.' + name), name));
  const field = id => view.querySelector('#' + id);
  const filter = name => field('history-' + name);
  const given = (params.get('object') || '').split(':');
  type.value = TYPES.includes(given[0]) ? given[0] : (everything ? '' : 'campaign');
  filter('object').value = given.slice(1).join(':');
  filter('user').value = params.get('user') || '';
  let base = null;
  let after = null;

  function firstPath() {
    const id = filter('object').value.trim();
    if (!everything) {
      return id ? `/campaigns/${encodeURIComponent(id)}/history?limit=${PAGE}` : null;
    }
    const query = new URLSearchParams({limit: PAGE});
    if (type.value) query.set('object', id ? `${type.value}:${id}` : type.value);
    if (filter('user').value.trim()) query.set('user', filter('user').value.trim());
    for (const bound of ['from', 'to']) {
      if (filter(bound).value) query.set(bound, new Date(filter(bound).value).toISOString());
    }
    return `/audit?${query}`;
  }

  async function load(append) {
    field('problem').textContent = '';
    if (!append) field('records').replaceChildren();
    field('more').hidden = true;
    if (!base) return;
    try {
      const page = await getPage(append ? `${base}&after=${encodeURIComponent(after)}` : base);
      field('records').append(...page.items.map(row));
      after = page.after;
      field('more').hidden = !after;
    } catch (e) {
      field('problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  }

  filter('filters').addEventListener('submit', event => {
    event.preventDefault();
    base = firstPath();
    load(false);
  });
  field('more').addEventListener('click', () => load(true));
  base = firstPath();
  await load(false);
}

function row(record) {
  const tr = document.createElement('tr');
  tr.className = 'audit-record';
  const cells = [dateTime(record.recordedAt), record.user, record.address, t('hist.kind.' + record.kind),
    t('hist.type.' + record.objectType), record.objectId];
  for (const text of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    tr.append(td);
  }
  const change = document.createElement('td');
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = t('hist.beforeAfter');
  const before = document.createElement('pre');
  before.textContent = `${t('hist.before')}: ${JSON.stringify(record.before, null, 1)}`;
  const after = document.createElement('pre');
  after.textContent = `${t('hist.after')}: ${JSON.stringify(record.after, null, 1)}`;
  details.append(summary, before, after);
  change.append(details);
  tr.append(change);
  return tr;
}
