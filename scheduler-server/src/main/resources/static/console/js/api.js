// The JSON API as the console calls it: /console/api/v1/... with the session cookie and the CSRF token echoed.
const BASE = '/console/api/v1';

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** An API failure: status, and the problem details (title, detail, errors, shortfalls...) when the API sent them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** What a failure says to a user: the fields at fault when the API named them, else its detail or title. */
export function problemText(e) {
  if (!(e instanceof ApiError)) return e.message;
  const errors = (e.problem.errors || []).map(f => `${f.field}: ${f.message}`).join('; ');
  return errors || e.problem.detail || e.problem.title || e.message;
}

export function call(method, path, body, extra = {}) {
  return send(method, path, body === undefined ? undefined : JSON.stringify(body),
    body === undefined ? undefined : 'application/json', extra);
}

/** A change guarded by the object's version: refused (412) when someone changed it since it was read. */
export const callIfMatch = (method, path, body, version) => call(method, path, body, {'If-Match': `"${version}"`});

async function send(method, path, body, contentType, extra) {
  return (await exchange(method, path, body, contentType, extra)).json;
}

/** The answer as JSON, with the path of the next page when the API linked one (Link: <...>; rel="next"). */
async function exchange(method, path, body, contentType, extra = {}) {
  const headers = {Accept: 'application/json', ...extra};
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (contentType) headers['Content-Type'] = contentType;
  const url = path.startsWith('/console/') ? path : BASE + path;
  const response = await fetch(url, {method, headers, body, credentials: 'same-origin'});
  if (response.status === 401) {
    location.href = '/console/login';
    throw new ApiError(401, {title: 'Unauthenticated'});
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  return {json, next: nextPage(response.headers.get('Link')), tag: response.headers.get('ETag')};
}

/** The next page's path as get() takes it (the API links /api/v1/...; the console calls it under its own prefix). */
function nextPage(link) {
  const match = /<([^>]*)>\s*;\s*rel="next"/.exec(link || '');
  if (!match) return null;
  const url = new URL(match[1], location.origin);
  return url.pathname.replace(/^\/api\/v1/, '') + url.search;
}

/**
 * Every item of a paginated list (stations, screens, campaigns, creatives), following its rel="next" links a page of
 * 1,000 at a time: the console's pickers need the whole network, 5,600 screens in six requests.
 */
export async function getAll(path) {
  const items = [];
  let next = path + (path.includes('?') ? '&' : '?') + 'limit=1000';
  while (next) {
    const page = await exchange('GET', next);
    items.push(...page.json);
    next = page.next;
  }
  return items;
}

export const get = path => call('GET', path);

/** A single object and its ETag, to send back as If-Match with a change of it (refused, 412, if changed meanwhile). */
export async function getTagged(path) {
  const answer = await exchange('GET', path);
  return {json: answer.json, tag: answer.tag};
}

/** A change guarded by the ETag that getTagged answered. */
export const callIfTag = (method, path, body, tag) => call(method, path, body, tag ? {'If-Match': tag} : {});

/**
 * One page of a paginated list: its items, and the cursor of the next page (the {@code after} of the API's
 * {@code Link: <…>; rel="next"}), or null on the last page.
 */
export async function getPage(path) {
  const response = await fetch(BASE + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (response.status === 401) {
    location.href = '/console/login';
    throw new ApiError(401, {title: 'Unauthenticated'});
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json);
  const link = (response.headers.get('Link') || '').match(/<([^>]*)>\s*;\s*rel="next"/);
  const after = link ? new URL(link[1], location.origin).searchParams.get('after') : null;
  return {items: json || [], after};
}
export const post = (path, body) => call('POST', path, body);
export const patch = (path, body) => call('PATCH', path, body);
/** Posts a multipart form (FormData) as it is: the browser writes its Content-Type and boundary. */
export const upload = (path, form) => send('POST', path, form);

/** Server-Sent Events from the API, e.g. events('/plans/events', e => ...); onOpen once subscribed. */
export function events(path, onEvent, onOpen = () => {}) {
  const source = new EventSource(BASE + path);
  ['plan-started', 'plan-progress', 'plan-finished'].forEach(type =>
    source.addEventListener(type, message => onEvent(type, JSON.parse(message.data))));
  source.addEventListener('open', onOpen);
  return source;
}

export function csrf() {
  return csrfToken();
}
