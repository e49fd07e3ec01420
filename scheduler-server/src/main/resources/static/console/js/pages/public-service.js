// The CSR team's public-service report for a span of months (a year for the ESG report): PSA versions aired, plays
// and airtime by month, province and station, each province's share against its floor, and each guaranteed PSA's
// contracted vs played; every table downloads as CSV, all of them as one XLSX. The figures are the API's, read
// from what the server stored; this page only lays them out.
import {get, problemText} from '../api.js';
import {t} from '../i18n.js';
import {chart, esc, num, shanghaiDate} from '../dom.js';
import {loadNetwork} from '../network-data.js';

const REPORT = '/reports/public-service';
const STATION_ROWS = 200;

export async function render(view, {params}) {
  const network = await loadNetwork();
  const thisMonth = shanghaiDate().slice(0, 7);
  const monthOf = value => /^\d{4}-\d{2}$/.test(value || '') ? value : null;
  view.innerHTML = `
    <h1 data-i18n="ps.title"></h1>
    <form class="card row" id="ps-form" autocomplete="off">
      <label><span data-i18n="ps.from"></span><input type="month" id="ps-from" required
        value="${esc(monthOf(params.get('from')) || thisMonth.slice(0, 4) + '-01')}"></label>
      <label><span data-i18n="ps.to"></span><input type="month" id="ps-to" required
        value="${esc(monthOf(params.get('to')) || thisMonth)}"></label>
      <button type="submit" id="ps-show" data-i18n="ps.show"></button>
      <a id="ps-xlsx" class="badge" data-i18n="ps.xlsx"></a>
    </form>
    <p id="ps-error" class="error" role="alert"></p>
    <section class="card" id="ps-totals" aria-live="polite"></section>
    <section class="card"><h2 data-i18n="ps.months"></h2><div class="chart small" id="ps-chart"></div></section>
    ${section('provinces', 'ps.provinces', ['net.province', 'ps.versions', 'ps.plays', 'ps.hours', 'ps.share', 'psa.floor'])}
    ${section('guaranteed', 'ps.guaranteed', ['tl.campaign', 'del.contracted', 'del.played', 'ps.makeGood', 'ps.owed'])}
    ${section('versions', 'ps.versionsAired', ['tl.creative', 'ps.campaigns', 'ps.stations', 'ps.plays', 'ps.hours'])}
    ${section('stations', 'ps.byStation', ['ps.month', 'net.province', 'book.station', 'ps.versions', 'ps.plays', 'ps.hours'])}`;
  const bars = chart(view.querySelector('#ps-chart'));

  async function load() {
    const error = view.querySelector('#ps-error');
    error.textContent = '';
    const from = view.querySelector('#ps-from').value;
    const to = view.querySelector('#ps-to').value;
    const query = `?from=${encodeURIComponent(from + '-01')}&to=${encodeURIComponent(lastDay(to))}`;
    const files = '/console/api/v1' + REPORT + query;
    view.querySelector('#ps-xlsx').href = files + '&format=xlsx';
    view.querySelectorAll('[data-csv]').forEach(link => { link.href = `${files}&format=csv&table=${link.dataset.csv}`; });
    let report;
    try {
      report = await get(REPORT + query);
    } catch (e) {
      error.textContent = problemText(e);
      return;
    }
    const aired = a => [a.versions, a.plays, a.hours];
    view.querySelector('#ps-totals').innerHTML = `<h2>${esc(report.from)} – ${esc(report.to)}</h2>
      <dl class="facts"><dt>${t('ps.versions')}</dt><dd id="ps-total-versions">${num(report.totals.versions)}</dd>
      <dt>${t('ps.plays')}</dt><dd>${num(report.totals.plays)}</dd>
      <dt>${t('ps.hours')}</dt><dd id="ps-total-hours">${num(report.totals.hours)}</dd></dl>
      <p class="muted">${esc(report.note)}</p>`;
    bars.setOption({
      tooltip: {trigger: 'axis'}, grid: {left: 60, right: 20, top: 20, bottom: 30},
      xAxis: {type: 'category', data: report.months.map(m => m.month)}, yAxis: {type: 'value'},
      series: [{name: t('ps.hours'), type: 'bar', itemStyle: {color: '#2e7d32'}, data: report.months.map(m => m.aired.hours)}],
    }, true);
    fill('provinces', report.provinces, p => ({attrs: `data-province="${esc(p.province)}"`, cells: [
      esc(p.province), ...aired(p.aired).map(num),
      p.share === null ? '–' : `${(100 * p.share).toFixed(1)}%${p.belowFloor ? ` <span class="badge bad">${t('ps.belowFloor')}</span>` : ''}`,
      `${(100 * p.floor).toFixed(1)}%`]}));
    fill('guaranteed', report.guaranteed, g => ({attrs: `data-campaign="${esc(g.campaign)}"`, cells: [
      `<a href="#/campaign?id=${encodeURIComponent(g.campaign)}">${esc(g.name)} (${esc(g.campaign)})</a>`,
      num(g.contractedPlays), num(g.playedPlays), num(g.makeGoodPlays), num(g.owedPlays)]}));
    fill('versions', report.versions, v => ({attrs: `data-creative="${esc(v.creative)}"`, cells: [
      esc(v.creative), esc(v.campaigns.join(', ')), num(v.stations), num(v.aired.plays), num(v.aired.hours)]}));
    fill('stations', report.stations.slice(0, STATION_ROWS), s => ({attrs: `data-station="${esc(s.station)}"`, cells: [
      esc(s.month), esc(s.province), esc(network.label(s.station)), ...aired(s.aired).map(num)]}));
    view.querySelector('#ps-stations-more').textContent = report.stations.length > STATION_ROWS
      ? t('ps.firstRows').replace('{n}', STATION_ROWS).replace('{all}', num(report.stations.length)) : '';
  }

  function fill(name, rows, row) {
    view.querySelector(`#ps-${name}`).innerHTML = rows.length ? rows.map(r => {
      const {attrs, cells} = row(r);
      return `<tr ${attrs}>${cells.map(c => `<td>${c}</td>`).join('')}</tr>`;
    }).join('') : `<tr><td colspan="6" class="muted">${t('ps.none')}</td></tr>`;
  }

  view.querySelector('#ps-form').addEventListener('submit', event => { event.preventDefault(); load(); });
  await load();
  return () => bars.dispose();
}

/** A card with a heading, the table's CSV link and its table (scrolling inside the card on a narrow screen). */
function section(name, title, headings) {
  return `<section class="card"><div class="row"><h2 data-i18n="${title}"></h2>
      <a class="badge" data-csv="${name}" id="ps-csv-${name}" data-i18n="del.csv"></a></div>
    <div class="scroll"><table><thead><tr>${headings.map(h => `<th scope="col" data-i18n="${h}"></th>`).join('')}</tr></thead>
      <tbody id="ps-${name}"></tbody></table></div>${name === 'stations' ? '<p class="muted" id="ps-stations-more"></p>' : ''}</section>`;
}

/** The last day of a month given as YYYY-MM. */
function lastDay(month) {
  const [year, m] = month.split('-').map(Number);
  return new Date(Date.UTC(year, m, 0)).toISOString().slice(0, 10);
}
