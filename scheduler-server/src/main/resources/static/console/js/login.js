import {applyTexts, setLang} from './i18n.js';
import {csrf} from './api.js';

const params = new URLSearchParams(location.search);
document.getElementById('login-error').hidden = !params.has('error');
document.getElementById('login-out').hidden = !params.has('logout');
document.getElementById('login-form').addEventListener('submit', () => {
  document.getElementById('csrf').value = csrf();
});
document.querySelectorAll('[data-lang]').forEach(button => button.addEventListener('click', () => {
  setLang(button.dataset.lang);
  applyTexts();
}));
applyTexts();
