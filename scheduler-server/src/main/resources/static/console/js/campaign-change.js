// The changes of one campaign: edit, extend, pause, resume, cancel. Every change is first checked with
// POST /campaigns/availability (the campaign as it would be; nothing stored), its answer shown (fits, station-hours
// short, where), and only then confirmed; the change itself names the version read (If-Match), so a change made
// meanwhile by someone else is refused instead of overwritten. Data is written with textContent only.
import {callIfMatch, post, problemText} from './api.js';
import {t} from './i18n.js';
import {num} from './dom.js';

export function offerChanges(section, user, item, changed) {
  const c = item.campaign;
  const allowed = c.kind === 'COMMERCIAL' ? user.bookCommercial : user.bookPublicService;
  if (!allowed || item.status === 'CANCELLED') return;
  section.hidden = false;
  section.querySelector('#change-forms').innerHTML = `
    <div class="row" role="group" aria-labelledby="changes-title">
      <button type="button" id="pause" data-i18n="camp.pause" ${item.status === 'ACTIVE' ? '' : 'hidden'}></button>
      <button type="button" id="resume" data-i18n="camp.resume" ${item.status === 'PAUSED' ? '' : 'hidden'}></button>
      <button type="button" id="cancel" class="secondary" data-i18n="camp.cancel"></button>
    </div>
    <form class="row" id="extend-form">
      <label><span data-i18n="camp.extendTo"></span><input id="extend-end" type="datetime-local" required></label>
      <button type="submit" data-i18n="camp.extend"></button>
    </form>
    <form class="row" id="edit-form">
      <label><span data-i18n="book.name"></span><input id="edit-name" required></label>
      <label><span data-i18n="book.owner"></span><input id="edit-owner"></label>
      <label><span data-i18n="book.start"></span><input id="edit-start" type="datetime-local" required></label>
      <label><span data-i18n="book.end"></span><input id="edit-end" type="datetime-local" required></label>
      <label><span data-i18n="book.dailyHours"></span><input id="edit-hours" size="11" placeholder="07:00-22:00"></label>
      <label><span data-i18n="book.frequency"></span><input id="edit-frequency" size="8" placeholder="6/5min"></label>
      <button type="submit" data-i18n="camp.edit"></button>
    </form>
    <div class="card confirm" id="confirm" role="region" aria-labelledby="confirm-title" hidden>
      <h2 id="confirm-title" tabindex="-1"></h2>
      <p id="availability" aria-live="polite"></p>
      <div class="scroll"><table id="shortfalls" hidden><thead><tr><th data-i18n="book.station"></th>
        <th data-i18n="hist.from"></th><th data-i18n="hist.to"></th><th data-i18n="camp.stationHours"></th>
        <th data-i18n="book.shortSeconds"></th><th data-i18n="camp.affected"></th></tr></thead><tbody></tbody></table></div>
      <p class="error" id="change-problem" role="alert"></p>
      <div class="row"><button type="button" id="confirm-change" data-i18n="camp.confirm"></button>
        <button type="button" class="secondary" id="back-change" data-i18n="camp.back"></button></div>
    </div>`;
  const el = id => section.querySelector('#' + id);
  const value = (id, text) => { el(id).value = text ?? ''; };
  value('extend-end', c.flight.end);
  value('edit-name', c.name); value('edit-owner', c.owner); value('edit-start', c.flight.start);
  value('edit-end', c.flight.end); value('edit-hours', c.dailyHours); value('edit-frequency', c.frequency);
  const path = `/campaigns/${encodeURIComponent(c.id)}`;
  let pending = null;
  let proposing = null;

  async function propose(kind, proposed, apply) {
    pending = null;
    proposing = kind;
    el('confirm').hidden = false;
    el('confirm-title').textContent = `${t('camp.' + kind)} · ${c.id}`;
    el('availability').textContent = t('book.checking');
    el('shortfalls').hidden = true;
    el('change-problem').textContent = '';
    el('confirm-change').disabled = true;
    el('confirm-title').focus();
    try {
      showAnswer(await post('/campaigns/availability', proposed));
      pending = apply;
      el('confirm-change').disabled = false;
    } catch (e) {
      el('availability').textContent = '';
      el('change-problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  }

  function showAnswer(answer) {
    el('availability').className = answer.fits ? 'ok' : 'bad';
    el('availability').textContent = answer.fits ? `${t('book.fits')} (${answer.firstDay}, ${answer.days} ${t('dash.days')})`
      : `${t('book.short')}: ${num(answer.stationHours)} ${t('camp.stationHours')}, ${num(answer.shortSeconds)} s`;
    const body = el('shortfalls').querySelector('tbody');
    body.replaceChildren(...(answer.byStation || []).map(s => {
      const tr = document.createElement('tr');
      for (const text of [s.station, s.from, s.to, num(s.stationHours), num(s.shortSeconds), s.campaigns.join(', ')]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }));
    el('shortfalls').hidden = !body.children.length;
  }

  const withChanges = changes => ({...c, ...changes, flight: {...c.flight, ...(changes.flight || {})}});
  el('pause').addEventListener('click', () =>
    propose('pause', c, () => callIfMatch('POST', `${path}/pause`, undefined, item.version)));
  el('resume').addEventListener('click', () =>
    propose('resume', c, () => callIfMatch('POST', `${path}/resume`, undefined, item.version)));
  el('cancel').addEventListener('click', () =>
    propose('cancel', c, () => callIfMatch('POST', `${path}/cancel`, undefined, item.version)));
  el('extend-form').addEventListener('submit', event => {
    event.preventDefault();
    const proposed = withChanges({flight: {end: el('extend-end').value}});
    propose('extend', proposed, () => callIfMatch('PUT', path, proposed, item.version));
  });
  el('edit-form').addEventListener('submit', event => {
    event.preventDefault();
    const proposed = withChanges({name: el('edit-name').value, owner: el('edit-owner').value || null,
      dailyHours: el('edit-hours').value || null, frequency: el('edit-frequency').value || null,
      flight: {start: el('edit-start').value, end: el('edit-end').value}});
    propose('edit', proposed, () => callIfMatch('PUT', path, proposed, item.version));
  });
  el('back-change').addEventListener('click', () => { el('confirm').hidden = true; pending = null; });
  el('confirm-change').addEventListener('click', async () => {
    if (!pending) return;
    el('confirm-change').disabled = true;
    try {
      await pending();
      changed(`${t('camp.done')}: ${t('camp.' + proposing)} · ${c.id}`);
    } catch (e) {
      el('change-problem').textContent = `${t('common.error')}: ${problemText(e)}`;
      el('confirm-change').disabled = false;
    }
  });
}
