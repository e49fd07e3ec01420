// Holds (options) on the booking page: the holds in force, the signed-in planner's or everyone's, with their flight
// and expiry; a hold is confirmed into a booking or released only after a confirmation step naming it.
import {call, getAll, post, problemText} from './api.js';
import {t} from './i18n.js';
import {dateTime, esc} from './dom.js';

export function holdsSection() {
  return `<section class="card" id="holds" aria-labelledby="holds-title">
    <h2 id="holds-title" data-i18n="hold.title"></h2>
    <fieldset class="row" id="hold-scope"><legend class="muted" data-i18n="hold.show"></legend>
      <label><input type="radio" name="hold-scope" value="mine" checked> <span data-i18n="hold.mine"></span></label>
      <label><input type="radio" name="hold-scope" value="all"> <span data-i18n="hold.all"></span></label></fieldset>
    <p id="hold-status" role="status"></p>
    <table><thead><tr><th data-i18n="hold.number"></th><th data-i18n="tl.campaign"></th><th data-i18n="hold.by"></th>
      <th data-i18n="hold.flight"></th><th data-i18n="hold.expires"></th><th data-i18n="hold.actions"></th></tr></thead>
      <tbody id="hold-rows"></tbody></table>
    <div class="card confirm" id="hold-confirm" role="region" aria-labelledby="hold-confirm-title" hidden>
      <h2 id="hold-confirm-title" tabindex="-1"></h2><p id="hold-confirm-text"></p>
      <div class="row"><button type="button" id="hold-do"></button>
        <button type="button" class="secondary" id="hold-back" data-i18n="hold.back"></button></div>
    </div></section>`;
}

export function wireHolds(view, user) {
  const el = id => view.querySelector('#' + id);
  let pending = null;

  function say(kind, text) {
    el('hold-status').className = kind;
    el('hold-status').textContent = text;
  }

  async function load() {
    const mine = view.querySelector('input[name="hold-scope"]:checked').value === 'mine';
    const rows = el('hold-rows');
    rows.dataset.state = 'loading';
    let holds;
    try {
      holds = await getAll('/holds' + (mine ? '?heldBy=' + encodeURIComponent(user.username) : ''));
    } catch (e) {
      say('error', `${t('common.error')}: ${problemText(e)}`);
      rows.dataset.state = 'error';
      return;
    }
    rows.innerHTML = holds.length ? holds.map(h => `<tr data-hold="${h.id}">
      <td>${h.id}</td><td>${esc(h.campaign.id)}<br><small>${esc(h.campaign.name || '')}</small></td>
      <td>${esc(h.createdBy)}</td><td>${esc(h.campaign.flight.start.slice(0, 10))} – ${esc(h.campaign.flight.end.slice(0, 10))}</td>
      <td>${esc(dateTime(h.expiresAt))}</td>
      <td><button type="button" data-action="confirm" data-id="${h.id}" data-campaign="${esc(h.campaign.id)}">${esc(t('hold.confirm'))}</button>
        <button type="button" class="secondary" data-action="release" data-id="${h.id}" data-campaign="${esc(h.campaign.id)}">${esc(t('hold.release'))}</button></td>
    </tr>`).join('') : `<tr><td colspan="6" class="muted">${esc(t('hold.none'))}</td></tr>`;
    Object.assign(rows.dataset, {state: 'ready', count: String(holds.length), scope: mine ? 'mine' : 'all'});
  }

  view.querySelectorAll('input[name="hold-scope"]').forEach(r => r.addEventListener('change', load));
  el('hold-rows').addEventListener('click', e => {
    const button = e.target.closest('button[data-action]');
    if (!button) return;
    pending = {action: button.dataset.action, id: button.dataset.id, campaign: button.dataset.campaign};
    el('hold-confirm').hidden = false;
    el('hold-confirm-title').textContent = `${t('hold.' + pending.action)} · ${pending.campaign}`;
    el('hold-confirm-text').textContent = t('hold.' + pending.action + 'Question');
    el('hold-do').textContent = t('hold.' + pending.action);
    el('hold-confirm-title').focus();
  });
  el('hold-back').addEventListener('click', () => { el('hold-confirm').hidden = true; pending = null; });
  el('hold-do').addEventListener('click', async () => {
    if (!pending) return;
    const {action, id, campaign} = pending;
    el('hold-do').disabled = true;
    try {
      if (action === 'confirm') await post(`/holds/${id}/confirm`);
      else await call('DELETE', `/holds/${id}`);
      say('ok', `${t(action === 'confirm' ? 'hold.confirmed' : 'hold.released')}: ${campaign}`);
    } catch (e) {
      say('error', `${t('common.error')}: ${problemText(e)}`);
    } finally {
      el('hold-do').disabled = false;
      el('hold-confirm').hidden = true;
      pending = null;
    }
    await load();
  });
  return load();
}
