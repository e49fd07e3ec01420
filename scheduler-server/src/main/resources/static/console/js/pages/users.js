// Users (administrators): who may sign in and with which role, 50 at a time through the API's cursor pages, found by
// part of their name. Add a user, disable or re-enable one (their sessions end at once on every instance), change a
// role, reset a password; a change redraws only its own row, read again. Data is written with textContent only, and
// each row's controls are labelled with the user's name for screen readers.
import {get, getPage, patch, post, problemText} from '../api.js';
import {t} from '../i18n.js';
import {dateTime} from '../dom.js';

const ROLES = ['PLANNER', 'CSR', 'OPERATOR', 'ADMIN'];
const PAGE = 50;

export async function render(view) {
  view.innerHTML = `
    <h1 data-i18n="nav.users"></h1>
    <form class="card row" id="add-user">
      <label><span data-i18n="login.user"></span><input id="new-username" required autocomplete="off"
        pattern="[a-z0-9._\\-]{2,64}"></label>
      <label><span data-i18n="login.password"></span><input id="new-password" type="password" required minlength="10"
        autocomplete="new-password"></label>
      <label><span data-i18n="users.role"></span><select id="new-role"></select></label>
      <button type="submit" data-i18n="users.add"></button>
    </form>
    <p class="notice" id="notice" role="status"></p>
    <p class="error" id="problem" role="alert"></p>
    <section class="card"><p class="muted" data-i18n="users.hint"></p>
      <form class="row" id="user-search" role="search">
        <label><span data-i18n="users.find"></span><input id="user-q" type="search" size="16"></label>
        <button type="submit" class="secondary" data-i18n="hist.show"></button></form>
      <div class="scroll"><table><thead><tr><th data-i18n="login.user"></th><th data-i18n="users.role"></th>
        <th data-i18n="users.state"></th><th data-i18n="camp.updated"></th><th data-i18n="users.resetPassword"></th>
        </tr></thead><tbody id="user-rows"></tbody></table></div>
      <button type="button" class="secondary" id="more-users" data-i18n="hist.more" hidden></button></section>`;
  const el = id => view.querySelector('#' + id);
  for (const role of ROLES) el('new-role').append(new Option(t('role.' + role), role));

  // a change to one user redraws their row from the server's answer; an added user reloads the first page
  async function act(work, done, name) {
    el('problem').textContent = '';
    el('notice').textContent = '';
    try {
      await work();
      el('notice').textContent = done;
      const old = [...el('user-rows').children].find(tr => tr.dataset.user === name);
      if (old) old.replaceWith(row(await get(`/users/${encodeURIComponent(name)}`), act));
      else await load(false);
    } catch (e) {
      el('problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  }

  let after = null;
  async function load(append) {
    const query = new URLSearchParams({limit: PAGE});
    if (el('user-q').value.trim()) query.set('q', el('user-q').value.trim());
    if (append && after) query.set('after', after);
    const page = await getPage(`/users?${query}`);
    const rows = page.items.map(user => row(user, act));
    if (append) el('user-rows').append(...rows); else el('user-rows').replaceChildren(...rows);
    after = page.after;
    el('more-users').hidden = !after;
  }

  const reading = append => load(append).catch(e => { el('problem').textContent = `${t('common.error')}: ${problemText(e)}`; });
  el('more-users').addEventListener('click', () => reading(true));
  el('user-search').addEventListener('submit', event => { event.preventDefault(); reading(false); });

  el('add-user').addEventListener('submit', event => {
    event.preventDefault();
    const username = el('new-username').value.trim();
    // the new user is shown found by name: the first page may not reach them
    act(async () => {
      await post('/users', {username, password: el('new-password').value, role: el('new-role').value});
      el('user-q').value = username;
    },
      `${t('users.added')}: ${username}`, null).then(() => { if (!el('problem').textContent) el('add-user').reset(); });
  });
  await load(false);
}

function row(user, act) {
  const name = user.username;
  const path = `/users/${encodeURIComponent(name)}`;
  const tr = document.createElement('tr');
  tr.className = 'user-row';
  tr.dataset.user = name;
  const role = document.createElement('select');
  role.className = 'user-role';
  role.setAttribute('aria-label', `${t('users.role')}: ${name}`);
  for (const r of ROLES) role.append(new Option(t('role.' + r), r));
  role.value = user.role;
  role.addEventListener('change', () => act(() => patch(path, {role: role.value}), `${t('users.roleChanged')}: ${name}`, name));
  const state = document.createElement('span');
  state.className = 'badge ' + (user.enabled ? 'ok' : 'bad');
  state.textContent = t(user.enabled ? 'users.enabled' : 'users.disabled');
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'secondary user-toggle';
  toggle.textContent = t(user.enabled ? 'users.disable' : 'users.enable');
  toggle.setAttribute('aria-label', `${toggle.textContent}: ${name}`);
  toggle.addEventListener('click', () => act(() => patch(path, {enabled: !user.enabled}),
    `${t(user.enabled ? 'users.disabledNow' : 'users.enabledNow')}: ${name}`, name));
  const reset = document.createElement('form');
  reset.className = 'inline-form';
  const password = Object.assign(document.createElement('input'), {type: 'password', required: true, minLength: 10,
    autocomplete: 'new-password', className: 'user-password'});
  password.setAttribute('aria-label', `${t('users.newPassword')}: ${name}`);
  const send = Object.assign(document.createElement('button'), {type: 'submit', className: 'secondary',
    textContent: t('users.reset')});
  send.setAttribute('aria-label', `${t('users.reset')}: ${name}`);
  reset.append(password, send);
  reset.addEventListener('submit', event => {
    event.preventDefault();
    act(() => post(`${path}/password`, {password: password.value}), `${t('users.passwordReset')}: ${name}`, name);
  });
  const cells = [name, role, [state, ' ', toggle], dateTime(user.changedAt || user.createdAt), reset];
  for (const value of cells) {
    const td = document.createElement('td');
    if (Array.isArray(value)) td.append(...value); else if (value instanceof Node) td.append(value);
    else td.textContent = value;
    tr.append(td);
  }
  return tr;
}
