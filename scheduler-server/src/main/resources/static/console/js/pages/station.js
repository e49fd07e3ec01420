// One station (#/station?code=): its details and its screens, and for administrators their edits (PATCH with
// If-Match naming the state read, so an edit made meanwhile by someone else is refused, not overwritten) and taking
// the station or one screen out of service for a period or for good (js/outage.js: the dry run's lost plays first,
// then the confirmation). Data is written with textContent, or esc() inside markup.
import {callIfTag, get, getAll, getTagged, problemText} from '../api.js';
import {applyTexts, lang, t} from '../i18n.js';
import {esc} from '../dom.js';
import {offerOutage} from '../outage.js';

const TIERS = ['HUB', 'MAJOR', 'STANDARD'];
const SCREEN_TYPES = ['LED_LARGE', 'LCD_FRAME', 'TV_SET'];
const ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'UTC'];

export async function render(view, {user, params}) {
  const code = params.get('code') || '';
  const path = `/stations/${encodeURIComponent(code)}`;
  const admin = user.manageNetwork;
  const options = (values, prefix) => values.map(v => `<option value="${v}">${esc(t(prefix + v))}</option>`).join('');
  view.innerHTML = `
    <p><a href="#/network" data-i18n="st.back"></a></p>
    <h1 id="station-title" tabindex="-1"></h1>
    <p class="notice" id="changed" role="status"></p>
    <section class="card" aria-labelledby="details-title"><h2 id="details-title" data-i18n="camp.details"></h2>
      <form id="station-form" class="row">
        <fieldset class="plain row" ${admin ? '' : 'disabled'}>
          <label><span data-i18n="net.name"></span><input id="station-name" required maxlength="200"></label>
          <label><span data-i18n="net.tier"></span><select id="station-tier">${options(TIERS, 'tier.')}</select></label>
          <label><span data-i18n="st.hours"></span><input id="station-hours" required size="11"
            pattern="\\d{2}:\\d{2}-\\d{2}:\\d{2}" placeholder="05:30-00:30" aria-describedby="hours-hint"></label>
          <label><span data-i18n="st.zone"></span><input id="station-zone" required list="zones" size="16"></label>
        </fieldset>
        <datalist id="zones">${ZONES.map(z => `<option value="${z}">`).join('')}</datalist>
        ${admin ? '<button type="submit" id="station-save" data-i18n="st.save"></button>' : ''}
      </form>
      <p class="muted" id="hours-hint" data-i18n="st.hoursHint"></p>
      <p class="muted"><span data-i18n="net.province"></span>: <span id="station-province"></span> ·
        <span data-i18n="net.bureau"></span>: <span id="station-bureau"></span></p>
      ${admin ? `<div class="row"><button type="button" class="secondary" id="station-out" data-i18n="st.takeOut"></button>
        <a href="#/timeline?station=${encodeURIComponent(code)}" data-i18n="book.openTimeline"></a></div>` : ''}
      <p class="error" id="station-problem" role="alert"></p>
      <div id="periods-box" hidden><h3 id="periods-title" data-i18n="st.periods"></h3>
        <div class="scroll"><table aria-labelledby="periods-title"><thead><tr><th data-i18n="st.what"></th>
          <th data-i18n="hist.from"></th><th data-i18n="out.until"></th><th data-i18n="out.reason"></th></tr></thead>
          <tbody id="periods"></tbody></table></div></div>
    </section>
    <section class="card confirm" id="outage" role="region" aria-labelledby="outage-title" hidden></section>
    <section class="card" aria-labelledby="screens-title"><h2 id="screens-title" data-i18n="st.screens"></h2>
      <p class="muted" id="no-screens" data-i18n="st.noScreens" hidden></p><div id="screens"></div></section>`;
  const el = id => view.querySelector('#' + id);
  const station = await getTagged(path);
  const s = station.json;
  el('station-title').textContent = `${s.name} (${s.code})`;
  el('station-name').value = s.name;
  el('station-tier').value = s.tier;
  el('station-hours').value = s.operatingHours;
  el('station-zone').value = s.zone;
  el('station-province').textContent = s.province;
  el('station-bureau').textContent = s.bureau;

  // after a change the page is drawn again from the server's state, with the change named and the title focused
  const changed = async message => {
    await render(view, {user, params});
    applyTexts(view);
    view.querySelector('#changed').textContent = message;
    view.querySelector('#station-title').focus();
  };

  el('station-form').addEventListener('submit', async event => {
    event.preventDefault();
    el('station-problem').textContent = '';
    const edit = {name: el('station-name').value.trim(), tier: el('station-tier').value,
      operatingHours: el('station-hours').value.trim(), zone: el('station-zone').value.trim()};
    try {
      await callIfTag('PATCH', path, edit, station.tag);
      await changed(`${t('st.saved')}: ${s.code}`);
    } catch (e) {
      el('station-problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  });

  const outage = target => offerOutage(el('outage'), {...target, zone: s.zone}, changed);
  if (admin) el('station-out').addEventListener('click', () => outage({kind: 'station', id: s.code}));

  // the periods off air that have not ended: the station's own and its screens', in the station's local time
  const periods = await get(`${path}/out-of-service`);
  const local = instant => instant ? new Date(instant).toLocaleString(lang(), {timeZone: s.zone}) : t('out.forGood');
  el('periods-box').hidden = !periods.length;
  el('periods').replaceChildren(...periods.map(p => {
    const tr = document.createElement('tr');
    tr.className = 'period';
    tr.dataset.screen = p.screen || '';
    for (const text of [p.screen || t('out.station'), local(p.from), local(p.until), p.reason]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    return tr;
  }));
  const now = Date.now();
  const dark = new Set(periods.filter(p => Date.parse(p.from) <= now).map(p => p.screen || '*'));

  const screens = await getAll(`/screens?station=${encodeURIComponent(code)}`);
  el('no-screens').hidden = screens.length > 0;
  const tagged = await Promise.all(screens.map(screen => getTagged(`/screens/${encodeURIComponent(screen.id)}`)));
  el('screens').replaceChildren(...tagged.map(({json, tag}, i) => screenForm(json, tag, i)));
  view.dataset.loaded = code;

  function screenForm(screen, tag, i) {
    const form = document.createElement('form');
    form.className = 'screen-form row';
    form.dataset.id = screen.id;
    const id = name => `screen-${i}-${name}`;
    form.innerHTML = `
      <h3 class="screen-id" id="${id('title')}">${esc(screen.id)}${dark.has(screen.id) || dark.has('*')
        ? ` <span class="badge bad screen-dark">${esc(t('st.dark'))}</span>` : ''}</h3>
      <fieldset class="plain row" ${admin ? '' : 'disabled'} aria-labelledby="${id('title')}">
        <label><span data-i18n="net.screenType"></span><select class="screen-type" id="${id('type')}">${options(SCREEN_TYPES, 'type.')}</select></label>
        <label><span data-i18n="st.screenZone"></span><input class="screen-zone" id="${id('zone')}" required size="14"></label>
        <label><span data-i18n="st.loop"></span><input class="screen-loop" id="${id('loop')}" type="number" min="5" max="3600" required></label>
        <label><span data-i18n="st.slot"></span><input class="screen-slot" id="${id('slot')}" type="number" min="1" max="3600" required></label>
      </fieldset>
      ${admin ? `<button type="submit" class="screen-save"></button>
        <button type="button" class="secondary screen-out"></button>` : ''}
      <p class="error screen-problem" role="alert"></p>`;
    const field = name => form.querySelector('.screen-' + name);
    field('type').value = screen.type;
    field('zone').value = screen.zone;
    field('loop').value = screen.loopPolicy.loopSeconds;
    field('slot').value = screen.loopPolicy.slotSeconds;
    if (!admin) return form;
    field('save').textContent = t('st.save');
    field('save').setAttribute('aria-label', `${t('st.save')} ${screen.id}`);
    field('out').textContent = t('st.takeOut');
    field('out').setAttribute('aria-label', `${t('st.takeOut')} ${screen.id}`);
    field('out').addEventListener('click', () => outage({kind: 'screen', id: screen.id}));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      field('problem').textContent = '';
      const edit = {type: field('type').value, zone: field('zone').value.trim(),
        loopPolicy: {loopSeconds: Number(field('loop').value), slotSeconds: Number(field('slot').value)}};
      try {
        await callIfTag('PATCH', `/screens/${encodeURIComponent(screen.id)}`, edit, tag);
        await changed(`${t('st.saved')}: ${screen.id}`);
      } catch (e) {
        field('problem').textContent = `${t('common.error')}: ${problemText(e)}`;
      }
    });
    return form;
  }
}
