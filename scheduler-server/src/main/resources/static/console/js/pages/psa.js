// PSA calendar for the CSR team: public-service campaigns on a calendar with their guaranteed frequencies, and the
// PSA share per province against its floor. Only roles that may book public-service ads see the form to add one.
import {get, getAll, post, problemText} from '../api.js';
import {t} from '../i18n.js';
import {addDays, chart, colourOf, esc, num, shanghaiDate} from '../dom.js';
import {loadNetwork} from '../network-data.js';

export async function render(view, {user}) {
  const today = shanghaiDate();
  const [network, floors, creatives] = await Promise.all([loadNetwork(), get('/console/psa-floors'), getAll('/creatives')]);
  view.innerHTML = `
    <h1 data-i18n="psa.calendar"></h1>
    ${user.bookPublicService ? `<form class="card" id="psa-form" autocomplete="off">
      <h2 data-i18n="psa.add"></h2>
      <div class="row">
        <label><span data-i18n="book.name"></span><input id="psa-name" required></label>
        <label><span data-i18n="book.owner"></span><input id="psa-owner"></label>
        <label><span data-i18n="book.creatives"></span><select id="psa-creative">${creatives.map(c =>
          `<option value="${esc(c.id)}">${esc(c.id)} · ${c.durationSeconds}s</option>`).join('')}</select></label>
        <label><span data-i18n="book.provinces"></span><select id="psa-province">${network.provinces.map(([p, n]) =>
          `<option value="${esc(p)}">${esc(p)} (${num(n)})</option>`).join('')}</select></label>
        <label><span data-i18n="book.start"></span><input type="date" id="psa-start" value="${today}"></label>
        <label><span data-i18n="book.end"></span><input type="date" id="psa-end" value="${addDays(today, 14)}"></label>
        <label><span data-i18n="book.frequency"></span><input id="psa-frequency" value="1/h" style="width: 6em"></label>
        <button type="submit" id="psa-submit" data-i18n="psa.add"></button>
      </div>
      <p id="psa-result"></p>
    </form>` : `<p class="card muted" id="psa-read-only">${t('psa.readOnly')}</p>`}
    <section class="card"><div class="chart" id="psa-calendar"></div>
      <table><thead><tr><th data-i18n="tl.campaign"></th><th data-i18n="book.flight"></th><th data-i18n="book.frequency"></th>
        <th data-i18n="book.provinces"></th></tr></thead><tbody id="psa-list"></tbody></table></section>
    <section class="card"><h2 data-i18n="psa.share"></h2><div class="chart" id="psa-share-chart"></div>
      <table><thead><tr><th data-i18n="net.province"></th><th data-i18n="psa.actual"></th><th data-i18n="psa.floor"></th></tr></thead>
        <tbody id="psa-share"></tbody></table></section>`;
  const calendar = chart(view.querySelector('#psa-calendar'));
  const shares = chart(view.querySelector('#psa-share-chart'));

  async function drawCalendar() {
    const psas = (await getAll('/campaigns?kind=PUBLIC_SERVICE')).filter(c => c.status !== 'CANCELLED');
    const names = psas.map(c => c.campaign.name || c.campaign.id);
    view.querySelector('#psa-list').innerHTML = psas.map(c => `<tr data-campaign="${esc(c.campaign.id)}">
      <td>${esc(c.campaign.name)} (${esc(c.campaign.id)})</td><td>${esc(c.campaign.flight.start)} – ${esc(c.campaign.flight.end)}</td>
      <td>${esc(c.campaign.frequency ?? '–')}</td>
      <td>${esc([...(c.campaign.targeting.provinces || []), ...(c.campaign.targeting.stations || []).map(network.label)].join(', ') || t('psa.network'))}</td></tr>`).join('');
    calendar.setOption({
      tooltip: {formatter: p => `${esc(names[p.value[2]])}<br>${esc(psas[p.value[2]].campaign.frequency ?? '')}`},
      grid: {left: 160, right: 20, top: 10, bottom: 30},
      xAxis: {type: 'time', min: addDays(today, -7), max: addDays(today, 35)},
      yAxis: {type: 'category', data: names, inverse: true},
      series: [{type: 'custom', encode: {x: [0, 1], y: 2},
        renderItem: (params, api) => {
          const start = api.coord([api.value(0), api.value(2)]);
          const end = api.coord([api.value(1), api.value(2)]);
          const height = api.size([0, 1])[1] * 0.6;
          return {type: 'rect', shape: echarts.graphic.clipRectByRect(
            {x: start[0], y: start[1] - height / 2, width: end[0] - start[0], height},
            {x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height}),
            style: {fill: colourOf(psas[api.value(2)].campaign.id)}};
        },
        data: psas.map((c, i) => [c.campaign.flight.start, c.campaign.flight.end, i])}],
    }, true);
    view.querySelector('#psa-calendar').style.height = Math.max(160, 60 + psas.length * 26) + 'px';
    calendar.resize();
  }

  async function drawShares() {
    const inventory = await get('/inventory?date=' + today);
    const byProvince = new Map();
    for (const s of inventory.stations) {
      const province = network.byCode.get(s.station)?.province ?? '?';
      const sum = byProvince.get(province) || {psa: 0, commercial: 0};
      sum.psa += s.publicServiceSeconds;
      sum.commercial += s.commercialSeconds;
      byProvince.set(province, sum);
    }
    const rows = [...byProvince].sort((a, b) => a[0].localeCompare(b[0], 'zh-CN')).map(([province, sum]) => ({
      province, share: sum.commercial ? 100 * sum.psa / sum.commercial : null,
      floor: 100 * (floors.byProvince[province] ?? floors.share)}));
    view.querySelector('#psa-share').innerHTML = rows.map(r => `<tr data-province="${esc(r.province)}"
      class="${r.share !== null && r.share < r.floor ? 'bad' : ''}"><td>${esc(r.province)}</td>
      <td>${r.share === null ? '–' : r.share.toFixed(1) + '%'}</td><td>${r.floor.toFixed(1)}%</td></tr>`).join('');
    shares.setOption({
      tooltip: {trigger: 'axis'}, legend: {data: [t('psa.actual'), t('psa.floor')]},
      grid: {left: 50, right: 20, top: 30, bottom: 40},
      xAxis: {type: 'category', data: rows.map(r => r.province)},
      yAxis: {type: 'value', axisLabel: {formatter: '{value}%'}},
      series: [{name: t('psa.actual'), type: 'bar', data: rows.map(r => ({value: r.share === null ? '-' : r.share.toFixed(2),
          itemStyle: {color: r.share < r.floor ? '#c62828' : '#2e7d32'}}))},
        {name: t('psa.floor'), type: 'line', step: 'middle', symbol: 'none', data: rows.map(r => r.floor),
          lineStyle: {color: '#ef6c00', type: 'dashed'}}],
    }, true);
  }

  const form = view.querySelector('#psa-form');
  if (form) {
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const result = view.querySelector('#psa-result');
      result.className = 'muted';
      result.textContent = t('common.progress');
      try {
        const saved = await post('/campaigns', {
          name: view.querySelector('#psa-name').value, kind: 'PUBLIC_SERVICE',
          owner: view.querySelector('#psa-owner').value || undefined,
          creatives: [{id: view.querySelector('#psa-creative').value}],
          targeting: {provinces: [view.querySelector('#psa-province').value]},
          flight: {start: view.querySelector('#psa-start').value + 'T00:00', end: view.querySelector('#psa-end').value + 'T00:00'},
          frequency: view.querySelector('#psa-frequency').value || undefined,
        });
        result.className = 'notice';
        result.textContent = `${t('psa.saved')} ${saved.campaign.id} · v${saved.scheduleVersion}`;
        result.dataset.campaign = saved.campaign.id;
        await Promise.all([drawCalendar(), drawShares()]);
      } catch (e) {
        result.className = 'error';
        result.textContent = problemText(e);
      }
    });
  }
  await Promise.all([drawCalendar(), drawShares()]);
  return () => { calendar.dispose(); shares.dispose(); };
}
