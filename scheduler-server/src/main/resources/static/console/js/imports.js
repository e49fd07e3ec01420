// A stations CSV import that outlives the view that started it: the console is one page, so the request goes on
// while the planner looks at other views, and the network view shows where it is when opened again. Phases are
// what the browser can know: the file read, the upload's bytes sent, then the server checking and storing every
// row in one transaction (all rows or none), then its answer.
import {ApiError, csrf} from './api.js';
import {parseCsv} from './dom.js';

let current = null;
const listeners = new Set();

function update(change) {
  current = {...current, ...change};
  listeners.forEach(listener => listener(current));
}

/** The latest import of this page, or null: {file, phase, rows, sent, size, created, updated, errors, message}. */
export function latestImport() {
  return current;
}

/** Calls listener(state) on every change of the import; returns the function that stops it. */
export function onImport(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function importing() {
  return current !== null && !['done', 'failed'].includes(current.phase);
}

/**
 * Reads the CSV (header: code,name,province,bureau,tier,zone,operatingHours) and imports its rows as stations: a
 * station whose code exists is updated, the others are added, all or none.
 */
export async function importStations(file) {
  if (importing()) return;
  current = {file: file.name, phase: 'read', rows: 0, sent: 0, size: 0, created: null, updated: null, errors: [],
    message: ''};
  update({});
  const [header = [], ...rows] = parseCsv(await file.text());
  const stations = rows.map(row => Object.fromEntries(header.map((column, i) => [column.trim(), row[i] || undefined])));
  const body = JSON.stringify(stations);
  update({phase: 'upload', rows: stations.length, size: body.length});
  const request = new XMLHttpRequest();
  request.open('POST', '/console/api/v1/stations?upsert=true');
  request.setRequestHeader('Content-Type', 'application/json');
  request.setRequestHeader('Accept', 'application/json');
  request.setRequestHeader('X-XSRF-TOKEN', csrf());
  request.upload.onprogress = e => update({sent: e.loaded, size: e.total || body.length});
  request.upload.onload = () => update({phase: 'store', sent: body.length});
  request.onload = () => {
    const answer = request.responseText ? JSON.parse(request.responseText) : {};
    if (request.status === 200 || request.status === 201) {
      update({phase: 'done', created: answer.created, updated: answer.updated});
    } else {
      const problem = new ApiError(request.status, answer);
      update({phase: 'failed', message: problem.message, errors: (answer.errors || []).map(e => ({
        // the file's line: the header is line 1, the first station line 2
        line: e.index === undefined ? null : e.index + 2, code: e.index === undefined ? null : stations[e.index]?.code,
        field: e.field, message: e.message}))});
    }
  };
  request.onerror = () => update({phase: 'failed', message: 'network error', errors: []});
  request.send(body);
}
