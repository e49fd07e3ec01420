// Dashboard: screens online / stale / offline, the version in force, the last plans, alerts, live planning events,
// and the latest full re-plan asked for (started here by administrators), followed as it runs on the server.
import {events, get, post} from '../api.js';
import {t} from '../i18n.js';
import {chart, dateTime, esc, num} from '../dom.js';

export async function render(view, {user}) {
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
    <section class="card" id="replan-card">
      <h2 data-i18n="dash.replan"></h2>
      <div class="row">
        ${user.replan ? '<button type="button" id="replan-start" data-i18n="dash.replanStart"></button>' : ''}
        <progress id="replan-progress" max="1" value="0" hidden></progress>
        <span id="replan-status" class="muted" data-i18n="dash.replanNone"></span>
      </div>
    </section>
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
  const replan = replanCard(view);
  const source = events('/plans/events', (type, event) => {
    live.className = event.outcome === 'REFUSED' || event.outcome === 'FAILED' ? 'bad' : '';
    live.textContent = `${new Date().toLocaleTimeString()} · ${type} · ${event.reason}`
      + (event.campaign ? ` · ${event.campaign}` : '') + (event.outcome ? ` · ${event.outcome}` : '')
      + (event.version ? ` · v${event.version}` : '') + (event.millis ? ` · ${event.millis} ms` : '')
      + (event.hoursTotal ? ` · ${num(event.hoursSolved)} / ${num(event.hoursTotal)}` : '');
    replan.event(type, event);
  }, () => { live.dataset.stream = 'open'; replan.refresh(); });
  return () => { source.close(); pie.dispose(); };
}

/**
 * The latest re-plan as the server tells it (GET /plans/replan, also after this view was left or reloaded), moved
 * on by the planner's events of the same reason.
 */
function replanCard(view) {
  const bar = view.querySelector('#replan-progress');
  const status = view.querySelector('#replan-status');
  const button = view.querySelector('#replan-start');
  let run = null;
  let drawn = 0;
  const underWay = () => run && (run.state === 'QUEUED' || run.state === 'RUNNING');
  const draw = () => {
    if (button) button.disabled = Boolean(underWay());
    if (!run) return;
    delete status.dataset.i18n;
    const solved = run.hoursSolved ?? 0, total = run.hoursTotal ?? 0;
    bar.hidden = false;
    bar.max = Math.max(1, total);
    bar.value = run.state === 'DONE' ? bar.max : solved;
    status.className = run.state === 'FAILED' ? 'bad' : run.state === 'DONE' ? 'notice' : 'muted';
    const counted = run.hoursTotal === null ? '' : ` · ${num(solved)} / ${num(total)} ${t('dash.replanHours')}`;
    status.textContent = `#${run.id} · ${t('dash.replan.' + run.state)}${counted}`
      + (run.state === 'DONE' ? ` · ${t(run.outcome === 'PUBLISHED' ? 'dash.replanPublished' : 'dash.replanUnchanged')}`
        + ` v${run.version} · ${num(run.millis)} ms` : '')
      + (underWay() ? ` · ${t('common.progress')}` : '');
    // how many times this view showed the run part-way, for the browser tests
    if (run.state === 'RUNNING' && solved > 0 && solved < total) drawn++;
    Object.assign(status.dataset, {state: run.state, run: String(run.id), partial: String(drawn)});
  };
  const refresh = () => get('/plans/replan').then(answer => { run = answer; draw(); }, () => {});
  if (button) {
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        run = await post('/plans/replan');
      } catch (e) {
        status.className = 'bad';
        status.textContent = e.message;
      }
      draw();
    });
  }
  const event = (type, e) => {
    if (!run || e.reason !== run.reason || !underWay()) return;
    if (type === 'plan-started') run = {...run, state: 'RUNNING'};
    if (type === 'plan-progress') run = {...run, state: 'RUNNING', hoursSolved: e.hoursSolved, hoursTotal: e.hoursTotal};
    if (type === 'plan-finished') {
      run = {...run, state: e.outcome === 'FAILED' ? 'FAILED' : 'DONE', outcome: e.outcome, version: e.version, millis: e.millis};
    }
    draw();
  };
  refresh();
  return {event, refresh};
}
