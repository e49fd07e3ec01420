// Taking a station or one screen out of service, for a period (maintenance, works) or for good (retired). The period
// is first posted with ?dryRun=true, which stores nothing and answers the contracted plays it would make impossible,
// per campaign; only a confirmation posts it for real (a new version is published with it). Any edit of the form
// after the dry run takes the confirmation away until it is checked again. Times are the station's local times.
import {post, problemText} from './api.js';
import {applyTexts, t} from './i18n.js';
import {num} from './dom.js';

/** Shows the out-of-service form in {@code panel} for target {kind: 'station'|'screen', id, zone}. */
export function offerOutage(panel, target, done) {
  panel.hidden = false;
  panel.innerHTML = `
    <h2 id="outage-title" tabindex="-1"></h2>
    <form id="outage-form">
      <fieldset class="plain row"><legend data-i18n="out.kind"></legend>
        <label class="inline"><input type="radio" name="outage-kind" id="outage-period" value="period" checked>
          <span data-i18n="out.period"></span></label>
        <label class="inline"><input type="radio" name="outage-kind" id="outage-retire" value="retire">
          <span data-i18n="out.retire"></span></label>
      </fieldset>
      <div class="row">
        <label><span data-i18n="out.from"></span><input id="outage-from" type="datetime-local" aria-describedby="outage-hint"></label>
        <label id="outage-until-label"><span data-i18n="out.until"></span><input id="outage-until" type="datetime-local" required></label>
        <label><span data-i18n="out.reason"></span><input id="outage-reason" maxlength="200" size="18"></label>
        <button type="submit" id="outage-check" data-i18n="out.check"></button>
        <button type="button" class="secondary" id="outage-back" data-i18n="camp.back"></button>
      </div>
      <p class="muted" id="outage-hint"></p>
    </form>
    <p id="outage-answer" aria-live="polite"></p>
    <div class="scroll"><table id="lost-plays" hidden><caption class="muted" data-i18n="out.lostByCampaign"></caption>
      <thead><tr><th data-i18n="tl.campaign"></th><th data-i18n="out.plays"></th><th data-i18n="book.screens"></th>
      <th data-i18n="hist.from"></th><th data-i18n="hist.to"></th></tr></thead><tbody></tbody></table></div>
    <p class="error" id="outage-problem" role="alert"></p>
    <button type="button" id="outage-confirm" data-i18n="camp.confirm" disabled></button>`;
  applyTexts(panel);
  const el = id => panel.querySelector('#' + id);
  el('outage-title').textContent = `${t('st.takeOut')} · ${t('out.' + target.kind)} ${target.id}`;
  el('outage-hint').textContent = t('out.hint').replace('{zone}', target.zone);
  const path = `/${target.kind === 'station' ? 'stations' : 'screens'}/${encodeURIComponent(target.id)}/out-of-service`;
  let checked = null;

  const retiring = () => el('outage-retire').checked;
  const showKind = () => {
    el('outage-until-label').hidden = retiring();
    el('outage-until').required = !retiring();
  };

  function body() {
    const from = el('outage-from').value;
    const reason = el('outage-reason').value.trim();
    return {
      ...(from ? {from: instantIn(from, target.zone)} : {}),
      ...(retiring() ? {retired: true} : {until: instantIn(el('outage-until').value, target.zone)}),
      ...(reason ? {reason} : {}),
    };
  }

  function forget() {
    checked = null;
    el('outage-confirm').disabled = true;
  }

  function showAnswer(answer) {
    const lost = answer.impossiblePlays;
    el('outage-answer').className = lost ? 'bad' : 'ok';
    el('outage-answer').textContent = lost ? t('out.lost').replace('{n}', num(lost)) : t('out.noneLost');
    const rows = el('lost-plays').querySelector('tbody');
    rows.replaceChildren(...answer.campaigns.map(c => {
      const tr = document.createElement('tr');
      tr.className = 'lost-campaign';
      tr.dataset.campaign = c.campaign;
      for (const text of [c.campaign, num(c.plays), num(c.screens), c.from, c.to]) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      return tr;
    }));
    el('lost-plays').hidden = !answer.campaigns.length;
  }

  el('outage-form').addEventListener('input', () => { forget(); showKind(); });
  el('outage-back').addEventListener('click', () => { panel.hidden = true; panel.replaceChildren(); });
  el('outage-form').addEventListener('submit', async event => {
    event.preventDefault();
    forget();
    el('outage-problem').textContent = '';
    el('outage-answer').className = '';
    el('outage-answer').textContent = t('book.checking');
    el('lost-plays').hidden = true;
    const asked = body();
    try {
      showAnswer(await post(`${path}?dryRun=true`, asked));
      checked = asked;
      el('outage-confirm').disabled = false;
    } catch (e) {
      el('outage-answer').textContent = '';
      el('outage-problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  });
  el('outage-confirm').addEventListener('click', async () => {
    if (!checked) return;
    el('outage-confirm').disabled = true;
    try {
      const answer = await post(path, checked);
      await done(`${t(retiring() ? 'out.retired' : 'out.done')}: ${target.id} · ${t('camp.version')} ${answer.version}`);
    } catch (e) {
      el('outage-problem').textContent = `${t('common.error')}: ${problemText(e)}`;
      el('outage-confirm').disabled = false;
    }
  });
  showKind();
  el('outage-title').focus();
}

/** A local date and time (2026-12-07T22:00) in {@code zone} as an instant with that zone's offset then. */
export function instantIn(local, zone) {
  const guess = Date.parse(`${local}:00Z`);
  const first = offsetOf(zone, guess);
  return `${local}:00${offsetOf(zone, guess - minutes(first) * 60000)}`;
}

function offsetOf(zone, millis) {
  const name = new Intl.DateTimeFormat('en-US', {timeZone: zone, timeZoneName: 'longOffset'})
    .formatToParts(new Date(millis)).find(p => p.type === 'timeZoneName').value;
  return (/GMT([+-]\d\d:\d\d)/.exec(name) || [null, '+00:00'])[1];
}

function minutes(offset) {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
}
