// The console's single page: who is signed in, the navigation their role allows, the language, and the views.
import {applyTexts, lang, setLang, t} from './i18n.js';
import {csrf, get} from './api.js';

const PAGES = {
  dashboard: {module: './pages/dashboard.js', show: () => true},
  campaigns: {module: './pages/campaigns.js', show: () => true},
  campaign: {module: './pages/campaign.js', show: () => true, hidden: true},
  booking: {module: './pages/booking.js', show: user => user.bookCommercial},
  timeline: {module: './pages/timeline.js', show: () => true},
  network: {module: './pages/network.js', show: () => true},
  station: {module: './pages/station.js', show: () => true, hidden: true},
  inventory: {module: './pages/inventory.js', show: () => true},
  psa: {module: './pages/psa.js', show: () => true},
  delivery: {module: './pages/delivery.js', show: () => true},
  'public-service': {module: './pages/public-service.js', show: () => true},
  history: {module: './pages/history.js', show: () => true},
  takeovers: {module: './pages/takeovers.js',
    show: user => ['ADMIN', 'OPERATOR', 'CSR'].some(role => user.roles.includes(role))},
  users: {module: './pages/users.js', show: user => user.roles.includes('ADMIN')},
  account: {module: './pages/account.js', show: () => true},
};

let user;
let leave = () => {};
// Each navigation renders into a pane of its own; only the latest is ever shown. A page still waiting for its data
// when the user moves on (the dashboard's fetches while a link is clicked) finishes into its detached pane, which is
// thrown away with whatever it started, instead of writing over the page that replaced it.
let shown = 0;

function route() {
  const [name, query] = location.hash.replace(/^#\/?/, '').split('?');
  const page = PAGES[name] && PAGES[name].show(user) ? name : 'dashboard';
  return {page, params: new URLSearchParams(query || '')};
}

function renderNav(current) {
  const nav = document.getElementById('nav');
  nav.replaceChildren(...Object.entries(PAGES).filter(([, p]) => p.show(user) && !p.hidden).map(([name]) => {
    const link = Object.assign(document.createElement('a'), {href: `#/${name}`, id: `nav-${name}`,
      textContent: t('nav.' + name)});
    const here = name === current || (current === 'campaign' && name === 'campaigns')
      || (current === 'station' && name === 'network');
    if (here) { link.className = 'active'; link.setAttribute('aria-current', 'page'); }
    return link;
  }));
  document.getElementById('user').textContent =
    `${user.username} · ${user.roles.map(r => t('role.' + r)).join(', ')}`;
}

async function show() {
  const navigation = ++shown;
  leave();
  leave = () => {};
  const {page, params} = route();
  renderNav(page);
  const view = document.getElementById('view');
  const pane = document.createElement('div');
  pane.className = 'page';
  const loading = document.createElement('p');
  loading.className = 'muted';
  loading.textContent = t('common.load');
  pane.append(loading);
  view.replaceChildren(pane);
  view.dataset.page = page;
  view.setAttribute('aria-busy', 'true'); // until the page is drawn and its texts are in the chosen language
  let cleanup;
  try {
    const module = await import(PAGES[page].module);
    cleanup = await module.render(pane, {user, params});
  } catch (e) {
    console.error(e);
    const error = document.createElement('p');
    error.className = 'error';
    error.textContent = `${t('common.error')}: ${e.message}`;
    pane.replaceChildren(error);
  }
  if (navigation !== shown) {
    if (typeof cleanup === 'function') cleanup();
    return;
  }
  if (typeof cleanup === 'function') leave = cleanup;
  applyTexts(pane);
  view.removeAttribute('aria-busy');
}

async function start() {
  user = await get('/console/session');
  const select = document.getElementById('lang');
  select.value = lang();
  select.addEventListener('change', () => { setLang(select.value); applyTexts(); show(); });
  document.getElementById('logout-form').addEventListener('submit', () => {
    document.getElementById('logout-csrf').value = csrf();
  });
  applyTexts();
  window.addEventListener('hashchange', show);
  await show();
}

start();
