// Small helpers for building the pages: escaping, number and date formats, ECharts set-up, CSV.
import {lang} from './i18n.js';

export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'})[c]);
}

export function num(value) {
  return Number(value ?? 0).toLocaleString(lang());
}

export function dateTime(iso) {
  return iso ? new Date(iso).toLocaleString(lang(), {timeZone: 'Asia/Shanghai'}) : '–';
}

/** Today (or today + days) in the stations' zone, as YYYY-MM-DD. */
export function shanghaiDate(days = 0) {
  const now = new Date(Date.now() + days * 86400000);
  return now.toLocaleDateString('sv-SE', {timeZone: 'Asia/Shanghai'});
}

/** The stations' local date and time now, as flights are written: 2026-11-24T20:15. */
export function shanghaiDateTime() {
  return new Date().toLocaleString('sv-SE', {timeZone: 'Asia/Shanghai', hour12: false}).replace(' ', 'T').slice(0, 16);
}

/** The current local hour and second within it in the stations' zone. */
export function shanghaiClock() {
  const parts = new Intl.DateTimeFormat('en-GB', {timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit',
    second: '2-digit', hour12: false}).formatToParts(new Date());
  const get = type => Number(parts.find(p => p.type === type).value);
  return {date: shanghaiDate(), hour: get('hour') % 24, second: get('minute') * 60 + get('second')};
}

export function addDays(isoDate, days) {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** An ECharts instance on el that follows the window's size; disposed by the returned function. */
export function chart(el) {
  const instance = echarts.init(el);
  const resize = () => instance.resize();
  window.addEventListener('resize', resize);
  instance.dispose = (dispose => () => { window.removeEventListener('resize', resize); dispose.call(instance); })(instance.dispose);
  return instance;
}

const PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc',
  '#2f4554', '#61a0a8', '#d48265', '#749f83', '#ca8622', '#bda29a'];

/** A stable colour for a campaign id. */
export function colourOf(id) {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length];
}

export function toCsv(header, rows) {
  const cell = v => { const s = String(v ?? ''); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; };
  return [header, ...rows].map(r => r.map(cell).join(',')).join('\n') + '\n';
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some(v => v !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some(v => v !== '')) rows.push(row);
  return rows;
}

export function download(name, text, type = 'text/csv') {
  const url = URL.createObjectURL(new Blob(['\ufeff' + text], {type}));
  const a = Object.assign(document.createElement('a'), {href: url, download: name});
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}
