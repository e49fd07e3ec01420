// My account: every signed-in user changes their own password. The server then ends their console sessions, so
// the page says so and sends them to sign in again with the new one.
import {post, problemText} from '../api.js';
import {t} from '../i18n.js';

export async function render(view, {user}) {
  view.innerHTML = `
    <h1 data-i18n="nav.account"></h1>
    <form class="card login" id="own-password">
      <p class="muted" id="account-user"></p>
      <label><span data-i18n="account.current"></span><input id="current-password" type="password" required
        autocomplete="current-password"></label>
      <label><span data-i18n="users.newPassword"></span><input id="own-new-password" type="password" required
        minlength="10" autocomplete="new-password"></label>
      <p class="muted" data-i18n="account.rules"></p>
      <button type="submit" data-i18n="account.change"></button>
      <p class="error" id="problem" role="alert"></p>
      <p class="notice" id="notice" role="status"></p>
    </form>`;
  view.querySelector('#account-user').textContent = user.username;
  view.querySelector('#own-password').addEventListener('submit', async event => {
    event.preventDefault();
    view.querySelector('#problem').textContent = '';
    try {
      await post('/users/me/password', {currentPassword: view.querySelector('#current-password').value,
        newPassword: view.querySelector('#own-new-password').value});
      view.querySelector('#notice').textContent = t('account.changed');
      const again = document.createElement('a');
      again.href = '/console/login';
      again.textContent = t('login.title');
      view.querySelector('#notice').append(' ', again);
    } catch (e) {
      view.querySelector('#problem').textContent = `${t('common.error')}: ${problemText(e)}`;
    }
  });
}
