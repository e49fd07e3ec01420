// Delivery report: contracted vs scheduled vs played per campaign, as a chart by day and a table by station, with
// the report's CSV download from the API.
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
    </div>
    <section class="card"><div class="chart" id="delivery-chart"></div><p class="muted" id="note"></p>
      <table><thead><tr><th data-i18n="book.station"></th><th data-i18n="book.date"></th><th data-i18n="del.contracted"></th>
        <th data-i18n="del.scheduled"></th><th data-i18n="del.played"></th></tr></thead><tbody id="rows"></tbody></table></section>`;
  const select = view.querySelector('#campaign');
  const bars = chart(view.querySelector('#delivery-chart'));
  select.value = params.get('campaign') || onAirNow(contracted)?.campaign.id || select.value;

  async function load() {
    const id = select.value;
    if (!id) return;
    const report = `/console/api/v1/campaigns/${encodeURIComponent(id)}/delivery`;
    view.querySelector('#csv').href = report + '?format=csv';
    offerXlsx(view.querySelector('#xlsx'), report + '?format=xlsx');
    const delivery = await get(`/campaigns/${encodeURIComponent(id)}/delivery`);
    view.querySelector('#note').textContent = delivery.note;
    const byDay = new Map();
    for (const row of delivery.rows) {
      const sum = byDay.get(row.date) || [0, 0, 0];
      sum[0] += row.contractedPlays; sum[1] += row.scheduledPlays; sum[2] += row.playedPlays;
      byDay.set(row.date, sum);
    }
    const days = [...byDay.keys()].sort();
    bars.setOption({
      tooltip: {trigger: 'axis'}, legend: {data: [t('del.contracted'), t('del.scheduled'), t('del.played')]},
      grid: {left: 60, right: 20, top: 40, bottom: 30},
      xAxis: {type: 'category', data: days}, yAxis: {type: 'value'},
      series: [['del.contracted', 0, '#9fb3c8'], ['del.scheduled', 1, '#0b6bcb'], ['del.played', 2, '#2e7d32']]
        .map(([key, i, color]) => ({name: t(key), type: 'bar', itemStyle: {color}, data: days.map(d => byDay.get(d)[i])})),
    }, true);
    view.querySelector('#rows').innerHTML = delivery.rows.map(r => `<tr><td>${esc(network.label(r.station))}</td><td>${r.date}</td>
      <td>${num(r.contractedPlays)}</td><td>${num(r.scheduledPlays)}</td><td>${num(r.playedPlays)}</td></tr>`).join('')
      + `<tr><th></th><th></th><th>${num(delivery.totals.contractedPlays)}</th><th>${num(delivery.totals.scheduledPlays)}</th>
      <th>${num(delivery.totals.playedPlays)}</th></tr>`;
  }
  select.addEventListener('change', load);
  await load();
  return () => bars.dispose();
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
