import {applyTexts, setLang, t} from './i18n.js';
import {csrf} from './api.js';

const params = new URLSearchParams(location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('login-out').hidden = !params.has('logout');
// ?locked=<seconds>: a lockout refused the sign-in without checking the password (the API answers 429)
const locked = document.getElementById('login-locked');
function showLocked() {
  const minutes = Math.max(1, Math.ceil(Number(params.get('locked')) / 60) || 1);
  locked.textContent = t('login.locked').replace('{minutes}', minutes);
  locked.hidden = !params.has('locked');
}
// present only when the server has single sign-on enabled (railcast.sso.*)
const sso = document.getElementById('login-sso');
function showSso() {
  if (sso) sso.textContent = t('login.sso').replace('{provider}', sso.dataset.provider);
}
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrf();
});
document.querySelectorAll('[data-lang]').forEach(button => button.addEventListener('click', () => {
  setLang(button.dataset.lang);
  applyTexts();
  showLocked();
  showSso();
}));
applyTexts();
showLocked();
showSso();
