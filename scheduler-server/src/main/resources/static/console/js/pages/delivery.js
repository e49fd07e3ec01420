// Delivery report over the whole flight: contracted vs scheduled (make-goods apart) vs played per campaign, what
// takeovers displaced and what the past days still owe, as a chart by day and a table by station and day, what stays
// owed once the make-goods are placed, with the report's CSV/XLSX downloads and the proof of play of the last 30 days
// as OPRS JSON, from the API.
import {get, getAll} from '../api.js';
import {t} from '../i18n.js';
import {chart, esc, num, shanghaiDateTime} from '../dom.js';
import {loadNetwork} from '../network-data.js';

export async function render(view, {params}) {
  const [network, campaigns] = await Promise.all([loadNetwork(), getAll('/campaigns')]);
  const contracted = campaigns.filter(c => c.campaign.kind !== 'FILLER' && c.status !== 'CANCELLED');
  view.innerHTML = `
    <h1 data-i18n="nav.delivery"></h1>
    <div class="card row">
      <label><span data-i18n="del.campaign"></span><select id="campaign">${contracted.map(c =>
        `<option value="${esc(c.campaign.id)}">${esc(c.campaign.name)} (${esc(c.campaign.id)})</option>`).join('')}</select></label>
      <a id="csv" class="badge" data-i18n="del.csv"></a>
      <a id="xlsx" class="badge" data-i18n="del.xlsx" hidden></a>
      <a id="oprs" class="badge" data-i18n="del.oprs"></a>
    </div>
    <section class="card"><div class="chart" id="delivery-chart"></div><p class="muted" id="note"></p>
      <p id="owed-summary"></p><p id="still-owed" hidden></p>
      <div class="scroll"><table><thead><tr><th data-i18n="book.station"></th><th data-i18n="book.date"></th>
        <th data-i18n="del.contracted"></th><th data-i18n="del.scheduled"></th><th data-i18n="del.makeGood"></th>
        <th data-i18n="del.played"></th><th data-i18n="del.lost"></th><th data-i18n="del.owed"></th></tr></thead>
        <tbody id="rows"></tbody></table></div></section>`;
  const select = view.querySelector('#campaign');
  const bars = chart(view.querySelector('#delivery-chart'));
  select.value = params.get('campaign') || onAirNow(contracted)?.campaign.id || select.value;

  async function load() {
    const id = select.value;
    if (!id) return;
    const report = `/console/api/v1/campaigns/${encodeURIComponent(id)}/delivery`;
    view.querySelector('#csv').href = report + '?format=csv';
    offerXlsx(view.querySelector('#xlsx'), report + '?format=xlsx');
    view.querySelector('#oprs').href = proofOfPlay(id);
    const delivery = await get(`/campaigns/${encodeURIComponent(id)}/delivery`);
    view.querySelector('#note').textContent = delivery.note;
    const series = [['del.contracted', r => r.contractedPlays ?? 0, '#9fb3c8'],
      ['del.scheduled', r => r.scheduledPlays ?? 0, '#0b6bcb'],
      ['del.makeGood', r => r.makeGoodPlays, '#8e44ad'], ['del.played', r => r.playedPlays, '#2e7d32'],
      ['del.owed', r => r.owed?.plays ?? 0, '#c62828']];
    const byDay = new Map();
    for (const row of delivery.rows) {
      const sum = byDay.get(row.date) || series.map(() => 0);
      series.forEach(([, figure], i) => { sum[i] += figure(row); });
      byDay.set(row.date, sum);
    }
    const days = [...byDay.keys()].sort();
    bars.setOption({
      tooltip: {trigger: 'axis'}, legend: {data: series.map(([key]) => t(key))},
      grid: {left: 60, right: 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: days}, yAxis: {type: 'value'},
      series: series.map(([key, , color], i) =>
        ({name: t(key), type: 'bar', itemStyle: {color}, data: days.map(d => byDay.get(d)[i])})),
    }, true);
    const totals = delivery.totals;
    view.querySelector('#owed-summary').textContent = t('del.owedSummary')
      .replace('{owed}', num(totals.owedPlays)).replace('{shortfall}', num(totals.owedShortfallPlays))
      .replace('{takeover}', num(totals.owedTakeoverPlays)).replace('{notPlayed}', num(totals.owedNotPlayedPlays))
      .replace('{makeGood}', num(totals.makeGoodPlays));
    await stillOwed(view.querySelector('#still-owed'), id);
    view.querySelector('#rows').innerHTML = delivery.rows.map(r => `<tr><td>${esc(network.label(r.station))}</td><td>${r.date}</td>
      <td>${figure(r.contractedPlays)}</td><td>${figure(r.scheduledPlays)}</td><td>${num(r.makeGoodPlays)}</td>
      <td>${num(r.playedPlays)}</td><td>${num(r.lostPlays)}</td><td>${owed(r.owed)}</td></tr>`).join('')
      + `<tr><th></th><th></th><th>${num(totals.contractedPlays)}</th><th>${num(totals.scheduledPlays)}</th>
      <th>${num(totals.makeGoodPlays)}</th><th>${num(totals.playedPlays)}</th><th>${num(totals.lostPlays)}</th>
      <th>${num(totals.owedPlays)}</th></tr>`;
  }
  select.addEventListener('change', load);
  await load();
  return () => bars.dispose();
}

/**
 * What the campaign stays owed once its make-goods are placed (all stations), as the make-good API counts it; hidden
 * for a user whose role may not read make-goods.
 */
async function stillOwed(line, id) {
  line.hidden = true;
  const makeGoods = await get(`/make-goods?campaign=${encodeURIComponent(id)}`).catch(e => {
    if (e.status === 403) return null;
    throw e;
  });
  if (!makeGoods) return;
  const sum = key => makeGoods.owed.reduce((total, o) => total + o[key], 0);
  line.textContent = t('del.stillOwed').replace('{placed}', num(sum('placed')))
    .replace('{stillOwed}', num(sum('stillOwed')));
  line.dataset.stillOwed = sum('stillOwed');
  line.hidden = false;
}

/** A figure not known yet (a day no version has planned) is shown as a dash, not as 0. */
function figure(value) {
  return value == null ? '–' : num(value);
}

/** What a past day owes, with its causes when there are several; a dash until the make-good job has counted it. */
function owed(value) {
  if (value == null) return '–';
  const causes = [['del.shortfall', value.shortfallPlays], ['del.takeover', value.takeoverPlays],
    ['del.notPlayed', value.notPlayedPlays]].filter(([, plays]) => plays > 0);
  return causes.length < 2 ? num(value.plays)
    : `${num(value.plays)} (${causes.map(([key, plays]) => `${esc(t(key))} ${num(plays)}`).join(', ')})`;
}

/** The OPRS proof of play of the last 30 days (the export takes at most 31 at a time), in UTC. */
function proofOfPlay(id) {
  const to = new Date();
  const from = new Date(to.getTime() - 30 * 24 * 3600 * 1000);
  return `/console/api/v1/campaigns/${encodeURIComponent(id)}/proof-of-play?from=${encodeURIComponent(from.toISOString())}`
    + `&to=${encodeURIComponent(to.toISOString())}`;
}

/** The first active campaign whose flight covers this moment (stations' time): the one worth opening first. */
function onAirNow(campaigns) {
  const now = shanghaiDateTime();
  return campaigns.find(c => c.status === 'ACTIVE' && c.campaign.flight.start <= now && now < c.campaign.flight.end);
}

/** The XLSX download is offered only where the report API makes spreadsheets (a HEAD answered with one). */
async function offerXlsx(link, href) {
  link.hidden = true;
  const response = await fetch(href, {method: 'HEAD', credentials: 'same-origin'}).catch(() => null);
  const type = response?.ok ? response.headers.get('Content-Type') || '' : '';
  link.href = href;
  link.hidden = !type.includes('spreadsheetml');
}
