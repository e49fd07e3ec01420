// Emergency takeovers (administrators, operators, the CSR team): put a creative or a notice on chosen screens from
// now or an instant until an instant or until cancelled, preempting every campaign there; list those not over and the
// recent others with the contracted plays each displaced; cancel one after confirming. Instants are typed in the
// stations' zone (Asia/Shanghai) and sent with its offset. Data is written with textContent or esc() only.
import {get, getAll, post, problemText} from '../api.js';
import {t} from '../i18n.js';
import {dateTime, esc, num, shanghaiDateTime} from '../dom.js';
import {loadNetwork} from '../network-data.js';

const NOTICE_MAX = 280;

export async function render(view) {
  const [network, creatives] = await Promise.all([loadNetwork(), getAll('/creatives')]);
  const zones = [...new Set(network.screens.map(s => s.zone))].sort();
  view.innerHTML = `
    <h1 data-i18n="nav.takeovers"></h1>
    <form id="takeover-form" class="card" autocomplete="off">
      <p class="muted" data-i18n="tko.hint"></p>
      <fieldset><legend data-i18n="tko.content"></legend>
        <label class="inline"><input type="radio" name="content" value="notice" id="content-notice" checked>
          <span data-i18n="tko.notice"></span></label>
        <label class="inline"><input type="radio" name="content" value="creative" id="content-creative">
          <span data-i18n="tko.creative"></span></label>
        <label id="notice-field"><span data-i18n="tko.noticeText"></span>
          <textarea id="notice" rows="3" maxlength="${NOTICE_MAX}"></textarea></label>
        <label id="creative-field" hidden><span data-i18n="tko.creative"></span><select id="creative">
          ${creatives.map(c => `<option value="${esc(c.id)}">${esc(c.id)} · ${c.durationSeconds}s</option>`).join('')}
          </select></label>
      </fieldset>
      <fieldset><legend data-i18n="tko.target"></legend>
        <label class="inline"><input type="radio" name="scope" value="network" id="scope-network">
          <span data-i18n="tko.network"></span></label>
        <label class="inline"><input type="radio" name="scope" value="chosen" id="scope-chosen" checked>
          <span data-i18n="tko.chosen"></span></label>
        <div class="row" id="chosen-target">
          ${picker('provinces', 'book.provinces', network.provinces.map(([p]) => [p, p]))}
          <fieldset class="picker-group"><legend data-i18n="book.stations"></legend>
            <input id="tko-station-filter" data-i18n-placeholder="book.filter" data-i18n-aria="tko.stationFilter">
            <div class="picker" id="tko-stations">${network.stations.map(s =>
              `<label data-search="${esc(s.code + ' ' + s.name + ' ' + s.province)}"><input type="checkbox"
                name="stations" value="${esc(s.code)}"> ${esc(s.name)} <small>${esc(s.code)}</small></label>`).join('')}
            </div></fieldset>
          ${picker('zones', 'tko.zones', zones.map(z => [z, z]))}
          ${picker('screenTypes', 'book.screenTypes', network.screenTypes.map(type => [type, type]))}
        </div>
      </fieldset>
      <div class="row">
        <fieldset><legend data-i18n="tko.from"></legend>
          <label class="inline"><input type="radio" name="start" value="now" id="start-now" checked>
            <span data-i18n="tko.now"></span></label>
          <label class="inline"><input type="radio" name="start" value="at" id="start-at">
            <span data-i18n="tko.at"></span></label>
          <input type="datetime-local" id="from" data-i18n-aria="tko.fromAt" value="${shanghaiDateTime()}" disabled>
        </fieldset>
        <fieldset><legend data-i18n="tko.until"></legend>
          <label class="inline"><input type="radio" name="end" value="cancelled" id="end-cancelled" checked>
            <span data-i18n="tko.untilCancelled"></span></label>
          <label class="inline"><input type="radio" name="end" value="at" id="end-at">
            <span data-i18n="tko.at"></span></label>
          <input type="datetime-local" id="until" data-i18n-aria="tko.untilAt" value="${shanghaiDateTime()}" disabled>
        </fieldset>
        <label><span data-i18n="tko.reason"></span><input id="reason" maxlength="200"></label>
      </div>
      <button type="submit" id="takeover-start" data-i18n="tko.start"></button>
    </form>
    <p class="notice" id="notice-line" role="status"></p>
    <p class="error" id="problem" role="alert"></p>
    <section class="card" id="confirm-cancel" hidden>
      <p id="confirm-text"></p>
      <div class="row"><button type="button" id="confirm-yes" data-i18n="tko.confirmCancel"></button>
        <button type="button" class="secondary" id="confirm-no" data-i18n="tko.keep"></button></div>
    </section>
    <section class="card"><h2 data-i18n="tko.list"></h2>
      <div class="scroll"><table><thead><tr><th data-i18n="tko.state"></th><th data-i18n="tko.content"></th>
        <th data-i18n="tko.target"></th><th data-i18n="tko.from"></th><th data-i18n="tko.until"></th>
        <th data-i18n="tko.lost"></th><th data-i18n="tko.by"></th><th><span class="sr-only" data-i18n="tko.actions">
        </span></th></tr></thead><tbody id="takeover-rows"></tbody></table></div></section>`;
  const el = id => view.querySelector('#' + id);
  const form = el('takeover-form');
  const checked = name => [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(i => i.value);

  const toggles = () => {
    const notice = checked('content')[0] === 'notice';
    el('notice-field').hidden = !notice;
    el('creative-field').hidden = notice;
    el('chosen-target').hidden = checked('scope')[0] === 'network';
    el('from').disabled = checked('start')[0] !== 'at';
    el('until').disabled = checked('end')[0] !== 'at';
  };
  form.addEventListener('change', toggles);
  el('tko-station-filter').addEventListener('input', () => {
    const q = el('tko-station-filter').value.trim().toLowerCase();
    el('tko-stations').querySelectorAll('label').forEach(l => { l.hidden = q && !l.dataset.search.toLowerCase().includes(q); });
  });

  function say(notice, problem = '') {
    el('notice-line').textContent = notice;
    el('problem').textContent = problem;
  }

  function request() {
    const body = {reason: el('reason').value.trim() || undefined};
    if (checked('content')[0] === 'notice') body.notice = el('notice').value; else body.creative = el('creative').value;
    body.target = checked('scope')[0] === 'network' ? {network: true} : {provinces: checked('provinces'),
      stations: checked('stations'), zones: checked('zones'), screenTypes: checked('screenTypes')};
    if (checked('start')[0] === 'at') body.from = shanghaiInstant(el('from').value);
    if (checked('end')[0] === 'at') body.until = shanghaiInstant(el('until').value);
    return body;
  }

  form.addEventListener('submit', async event => {
    event.preventDefault();
    say('');
    try {
      const started = await post('/takeovers', request());
      say(`${t('tko.started')}: ${started.id}`);
      await load();
    } catch (e) {
      say('', `${t('common.error')}: ${problemText(e)}`);
    }
  });

  let cancelling = null;
  function askCancel(takeover, button) {
    cancelling = {takeover, button};
    el('confirm-text').textContent = `${t('tko.confirmText')} ${describe(takeover, network)}`;
    el('confirm-cancel').hidden = false;
    el('confirm-yes').focus();
  }
  function closeConfirm() {
    el('confirm-cancel').hidden = true;
    const back = cancelling && cancelling.button;
    cancelling = null;
    if (back && back.isConnected) back.focus();
  }
  el('confirm-no').addEventListener('click', closeConfirm);
  el('confirm-cancel').addEventListener('keydown', event => { if (event.key === 'Escape') closeConfirm(); });
  el('confirm-yes').addEventListener('click', async () => {
    const {takeover} = cancelling;
    el('confirm-cancel').hidden = true;
    cancelling = null;
    try {
      await post(`/takeovers/${encodeURIComponent(takeover.id)}/cancel`);
      say(`${t('tko.cancelled')}: ${takeover.id}`);
    } catch (e) {
      say('', `${t('common.error')}: ${problemText(e)}`);
    }
    await load();
  });

  async function load() {
    const takeovers = await get('/takeovers');
    el('takeover-rows').replaceChildren(...takeovers.map(takeover => row(takeover, network, askCancel)));
  }
  toggles();
  await load();
  // states move on by the clock (scheduled → active → ended) and lost plays are counted after the end
  const timer = setInterval(() => { if (!cancelling) load().catch(() => {}); }, 15000);
  return () => clearInterval(timer);
}

/** A datetime-local value (the stations' wall clock) as an instant with the zone's offset. */
function shanghaiInstant(local) {
  return local ? `${local.length === 16 ? local + ':00' : local}+08:00` : '';
}

function picker(name, label, entries) {
  return `<fieldset class="picker-group"><legend data-i18n="${label}"></legend><div class="picker" id="tko-${name}">
    ${entries.map(([value, text]) => `<label><input type="checkbox" name="${name}" value="${esc(value)}">
    ${esc(text)}</label>`).join('')}</div></fieldset>`;
}

function describe(takeover, network) {
  const what = takeover.notice ? `«${takeover.notice}»` : takeover.creative;
  return `${what} → ${target(takeover.target, network)}`;
}

function target(target, network) {
  if (target.network) return t('tko.network');
  return [...target.provinces, ...target.stations.map(network.label), ...target.zones, ...target.screenTypes]
    .join(', ');
}

function row(takeover, network, askCancel) {
  const tr = document.createElement('tr');
  tr.className = 'takeover-row';
  tr.dataset.id = takeover.id;
  tr.dataset.state = takeover.state;
  const state = Object.assign(document.createElement('span'), {className: 'badge takeover-state'
    + (takeover.state === 'ACTIVE' ? ' bad' : ''), textContent: t('tko.state.' + takeover.state)});
  const lost = document.createElement('span');
  lost.className = 'takeover-lost';
  if (takeover.lostPlays) {
    const total = takeover.lostPlays.reduce((n, l) => n + l.plays, 0);
    lost.textContent = num(total);
    lost.title = takeover.lostPlays.map(l => `${l.campaign}: ${l.plays}`).join(', ');
    if (takeover.lostPlays.length) {
      const list = document.createElement('small');
      list.className = 'muted';
      list.textContent = ` (${lost.title})`;
      lost.append(list);
    }
  } else lost.textContent = t(takeover.state === 'ACTIVE' || takeover.state === 'SCHEDULED' ? 'tko.notOver' : 'tko.counting');
  const actions = [];
  if (takeover.state === 'ACTIVE' || takeover.state === 'SCHEDULED') {
    const cancel = Object.assign(document.createElement('button'), {type: 'button',
      className: 'secondary takeover-cancel', textContent: t('tko.cancel')});
    cancel.setAttribute('aria-label', `${t('tko.cancel')}: ${describe(takeover, network)}`);
    cancel.addEventListener('click', () => askCancel(takeover, cancel));
    actions.push(cancel);
  }
  const until = takeover.cancelledAt ? `${dateTime(takeover.cancelledAt)} (${t('tko.state.CANCELLED')})`
    : takeover.until ? dateTime(takeover.until) : t('tko.untilCancelled');
  const content = takeover.notice ?? takeover.creative;
  const cells = [state, content, target(takeover.target, network), dateTime(takeover.from), until, lost,
    takeover.createdBy, actions];
  for (const value of cells) {
    const td = document.createElement('td');
    if (Array.isArray(value)) td.append(...value); else if (value instanceof Node) td.append(value);
    else td.textContent = value;
    tr.append(td);
  }
  return tr;
}
