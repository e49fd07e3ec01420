// Dashboard: screens online / stale / offline, the version in force, the last plans, alerts, live planning events.
import {events, get} from '../api.js';
import {t} from '../i18n.js';
import {chart, dateTime, esc, num} from '../dom.js';

export async function render(view) {
  // no version yet answers 404: then there is nothing to under-deliver
  const [status, versions, delivery] = await Promise.all([get('/screens/status'), get('/versions?limit=10'),
    get('/delivery/alerts').catch(() => [])]);
  const current = versions[0];
  view.innerHTML = `
    <h1 data-i18n="nav.dashboard"></h1>
    <div class="grid">
      <section class="card" id="screens-card">
        <h2 data-i18n="dash.screens"></h2>
        <div class="row">
          <div><div class="big ok" id="online">${num(status.online)}</div><span data-i18n="dash.online"></span></div>
          <div><div class="big warn" id="stale">${num(status.stale)}</div><span data-i18n="dash.stale"></span></div>
          <div><div class="big bad" id="offline">${num(status.offline)}</div><span data-i18n="dash.offline"></span></div>
          <div><div class="big muted" id="never-seen">${num(status.neverSeen)}</div><span data-i18n="dash.neverSeen"></span></div>
        </div>
        <div class="chart small" id="screens-chart"></div>
      </section>
      <section class="card" id="version-card">
        <h2 data-i18n="dash.version"></h2>
        ${current ? `<div class="big" id="version">v${current.version}</div>
          <div><span data-i18n="dash.published"></span>: ${dateTime(current.publishedAt)}</div>
          <div><span data-i18n="dash.effective"></span>: ${dateTime(current.effectiveAt)}</div>
          <div>${esc(current.firstDay)} · ${current.days} <span data-i18n="dash.days"></span></div>`
          : `<p class="muted" data-i18n="dash.noVersion"></p>`}
      </section>
      <section class="card">
        <h2 data-i18n="dash.alerts"></h2>
        <ul id="alerts"></ul>
      </section>
    </div>
    <section class="card">
      <h2 data-i18n="dash.lastPlan"></h2>
      <p id="live" class="muted" data-i18n="dash.waiting"></p>
      <table><thead><tr><th data-i18n="tl.version"></th><th data-i18n="dash.published"></th>
        <th data-i18n="dash.effective"></th><th data-i18n="dash.reason"></th></tr></thead>
        <tbody id="versions">${versions.map(v => `<tr><td>v${v.version}${v.urgent ? ' <span class="badge bad">urgent</span>' : ''}</td>
          <td>${dateTime(v.publishedAt)}</td><td>${dateTime(v.effectiveAt)}</td><td>${esc(v.reason)}</td></tr>`).join('')}</tbody>
      </table>
    </section>`;
  const alerts = [];
  if (status.onOldVersion) alerts.push(`<li class="warn">${num(status.onOldVersion)} ${t('dash.oldVersion')}</li>`);
  if (status.missingMedia) alerts.push(`<li class="bad">${num(status.missingMedia)} ${t('dash.missingMedia')}</li>`);
  if (status.offline) alerts.push(`<li class="bad">${num(status.offline)} ${t('dash.offline')}</li>`);
  for (const a of delivery) {
    alerts.push(`<li class="bad under-delivering" data-campaign="${esc(a.campaign)}" title="${esc(a.reason)}">`
      + `<a href="#/delivery?campaign=${encodeURIComponent(a.campaign)}">${esc(a.name)} (${esc(a.campaign)})</a> `
      + `${t(a.kind === 'shortfall' ? 'dash.shortfall' : 'dash.underPlayed')} `
      + `${num(a.shortBy)} ${t('dash.plays')} (${num(a.kind === 'shortfall' ? a.scheduled : a.played)} / `
      + `${num(a.kind === 'shortfall' ? a.contracted : a.scheduled)})</li>`);
  }
  view.querySelector('#alerts').innerHTML = alerts.join('') || `<li class="muted">${t('dash.noAlerts')}</li>`;

  const pie = chart(view.querySelector('#screens-chart'));
  pie.setOption({
    tooltip: {trigger: 'item'},
    series: [{type: 'pie', radius: ['45%', '75%'], label: {show: false},
      color: ['#2e7d32', '#ef6c00', '#c62828', '#9fb3c8'],
      data: [['dash.online', status.online], ['dash.stale', status.stale], ['dash.offline', status.offline],
        ['dash.neverSeen', status.neverSeen]].map(([k, v]) => ({name: t(k), value: v}))}],
  });

  const live = view.querySelector('#live');
  const source = events('/plans/events', (type, event) => {
    live.className = event.outcome === 'REFUSED' || event.outcome === 'FAILED' ? 'bad' : '';
    live.textContent = `${new Date().toLocaleTimeString()} · ${type} · ${event.reason}`
      + (event.campaign ? ` · ${event.campaign}` : '') + (event.outcome ? ` · ${event.outcome}` : '')
      + (event.version ? ` · v${event.version}` : '') + (event.millis ? ` · ${event.millis} ms` : '');
  });
  return () => { source.close(); pie.dispose(); };
}
