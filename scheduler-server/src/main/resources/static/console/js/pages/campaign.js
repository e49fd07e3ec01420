// One campaign: its details, its delivery (contracted, scheduled, played), where it plays and its history, and the
// changes the signed-in user's role allows (campaign-change.js). Data is written with textContent only.
import {get, getPage, problemText} from '../api.js';
import {t} from '../i18n.js';
import {dateTime, num} from '../dom.js';
import {offerChanges} from '../campaign-change.js';

const NEWS = 'railcast.campaign-changed';

export async function render(view, {user, params}) {
  const id = params.get('id') || '';
  view.innerHTML = `
    <p><a href="#/campaigns" id="back-to-list" data-i18n="camp.back"></a></p>
    <h1 id="campaign-title" tabindex="-1"></h1>
    <p class="notice" id="changed" role="status"></p>
    <p class="error" id="problem" role="alert"></p>
    <div class="grid">
      <section class="card" aria-labelledby="details-title"><h2 id="details-title" data-i18n="camp.details"></h2>
        <dl class="facts" id="details"></dl></section>
      <section class="card" aria-labelledby="delivery-title"><h2 id="delivery-title" data-i18n="nav.delivery"></h2>
        <dl class="facts" id="delivery"></dl><p class="muted" id="delivery-note"></p></section>
    </div>
    <section class="card" id="changes" aria-labelledby="changes-title" hidden>
      <h2 id="changes-title" data-i18n="camp.changes"></h2><div id="change-forms"></div></section>
    <section class="card" aria-labelledby="where-title"><h2 id="where-title" data-i18n="book.wherePlays"></h2>
      <div class="scroll"><table><thead><tr><th data-i18n="book.station"></th><th data-i18n="book.scheduledPlays"></th>
      <th data-i18n="del.played"></th></tr></thead><tbody id="where-plays"></tbody></table></div></section>
    <section class="card" aria-labelledby="history-title"><h2 id="history-title" data-i18n="nav.history"></h2>
      <div class="scroll"><table><thead><tr><th data-i18n="hist.when"></th><th data-i18n="hist.user"></th>
      <th data-i18n="hist.kind"></th><th data-i18n="hist.address"></th></tr></thead><tbody id="campaign-history"></tbody></table></div>
      <button type="button" class="secondary" id="history-more" data-i18n="hist.more" hidden></button></section>`;
  const path = `/campaigns/${encodeURIComponent(id)}`;
  let item;
  try {
    item = await get(path);
  } catch (e) {
    view.querySelector('#problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    return;
  }
  view.querySelector('#campaign-title').textContent = `${item.campaign.name} (${item.campaign.id})`;
  details(view.querySelector('#details'), item);
  // After a change the page is read again; the news of it survives that in the tab's session storage, and focus
  // goes to the title so a keyboard or screen-reader user starts again from the top of the changed campaign.
  offerChanges(view.querySelector('#changes'), user, item, news => {
    sessionStorage.setItem(NEWS, news);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  const news = sessionStorage.getItem(NEWS);
  sessionStorage.removeItem(NEWS);
  if (news) {
    view.querySelector('#changed').textContent = news;
    queueMicrotask(() => view.querySelector('#campaign-title').focus());
  }
  await Promise.all([delivery(view, path), history(view, path)]);
  view.dataset.ready = 'true';
}

function facts(list, pairs) {
  list.replaceChildren();
  for (const [key, value] of pairs) {
    const dt = document.createElement('dt');
    dt.textContent = t(key);
    const dd = document.createElement('dd');
    dd.textContent = value ?? '–';
    if (key === 'camp.status') dd.id = 'campaign-status';
    list.append(dt, dd);
  }
}

function details(list, item) {
  const c = item.campaign;
  const targeting = c.targeting || {};
  const places = ['stations', 'provinces', 'bureaus', 'tiers', 'screenTypes', 'zones']
    .flatMap(key => targeting[key] || []).join(', ');
  facts(list, [
    ['camp.status', t('status.' + item.status)], ['tl.kind', t('kind.' + c.kind)], ['book.owner', c.owner],
    ['book.flight', `${c.flight.start.replace('T', ' ')} – ${c.flight.end.replace('T', ' ')}`],
    ['book.dailyHours', c.dailyHours], ['book.frequency', c.frequency], ['book.targeting', places || t('psa.network')],
    ['book.creatives', (c.creatives || []).map(cr => cr.id).join(', ')], ['camp.version', String(item.version)],
    ['camp.updated', `${dateTime(item.updatedAt)} · ${item.updatedBy}`],
  ]);
}

async function delivery(view, path) {
  const where = view.querySelector('#where-plays');
  try {
    const report = await get(`${path}/delivery`);
    facts(view.querySelector('#delivery'), [['del.contracted', num(report.totals.contractedPlays)],
      ['del.scheduled', num(report.totals.scheduledPlays)], ['del.played', num(report.totals.playedPlays)]]);
    view.querySelector('#delivery-note').textContent = report.note || '';
    const byStation = new Map();
    for (const row of report.rows) {
      const sum = byStation.get(row.station) || [0, 0];
      sum[0] += row.scheduledPlays;
      sum[1] += row.playedPlays;
      byStation.set(row.station, sum);
    }
    where.replaceChildren(...[...byStation].filter(([, sum]) => sum[0] > 0).map(([station, sum]) => {
      const tr = document.createElement('tr');
      const link = document.createElement('a');
      link.href = `#/timeline?station=${encodeURIComponent(station)}`;
      link.textContent = station;
      tr.append(cell(link), cell(num(sum[0])), cell(num(sum[1])));
      return tr;
    }));
  } catch (e) {
    view.querySelector('#delivery-note').textContent = `${t('common.error')}: ${problemText(e)}`;
  }
}

async function history(view, path) {
  const rows = view.querySelector('#campaign-history');
  const more = view.querySelector('#history-more');
  let after = null;
  async function load() {
    more.hidden = true;
    const page = await getPage(`${path}/history?limit=20` + (after ? `&after=${encodeURIComponent(after)}` : ''));
    rows.append(...page.items.map(record => {
      const tr = document.createElement('tr');
      tr.className = 'audit-record';
      tr.append(cell(dateTime(record.recordedAt)), cell(record.user), cell(t('hist.kind.' + record.kind)),
        cell(record.address));
      return tr;
    }));
    after = page.after;
    more.hidden = !after;
  }
  more.addEventListener('click', load);
  await load();
}

function cell(value) {
  const td = document.createElement('td');
  if (value instanceof Node) td.append(value); else td.textContent = value ?? '';
  return td;
}
