// Uploading a creative where it is needed: on the booking page, beside the creatives to pick. The file's SHA-256 is
// computed here (WebCrypto) and sent with it, so that bytes damaged on the way are refused (422 naming sha256)
// instead of stored; where the page is not a secure context (plain HTTP to another host) WebCrypto is absent and the
// file goes without it, as through the API.
import {problemText, upload} from './api.js';
import {esc} from './dom.js';
import {t} from './i18n.js';

const DURATIONS = [5, 10, 15, 30];

/** The fields, to be placed in a form (they are not a form: the booking form holds them). */
export function creativeUploadFields(screenTypes) {
  return `
    <details id="creative-upload"><summary data-i18n="up.title"></summary>
      <div class="row">
        <label><span data-i18n="up.file"></span><input type="file" id="upload-file" accept="video/*,image/*"></label>
        <label><span data-i18n="up.id"></span><input id="upload-id" maxlength="64"></label>
        <label><span data-i18n="up.duration"></span><select id="upload-duration">
          ${DURATIONS.map(s => `<option value="${s}"${s === 15 ? ' selected' : ''}>${s} s</option>`).join('')}</select></label>
        <div><span class="muted" data-i18n="up.screenTypes"></span><br>
          ${screenTypes.map(type => `<label class="inline"><input type="checkbox" name="upload-screen-type"
            value="${esc(type)}" checked> ${esc(type)}</label>`).join('')}</div>
        <button type="button" class="secondary" id="upload-submit" data-i18n="up.submit"></button>
      </div>
      <p id="upload-status" class="muted"></p>
    </details>`;
}

/** Wires the fields under root; onUploaded(creative) gets the stored creative's metadata. */
export function wireCreativeUpload(root, onUploaded) {
  const fields = root.querySelector('#creative-upload');
  // typing here does not change the booking around it: no availability check for it
  ['input', 'change'].forEach(type => fields.addEventListener(type, e => e.stopPropagation()));
  const file = root.querySelector('#upload-file');
  const id = root.querySelector('#upload-id');
  const button = root.querySelector('#upload-submit');
  const status = root.querySelector('#upload-status');
  const show = (state, text) => {
    status.className = state === 'failed' ? 'error' : state === 'done' ? 'notice' : 'muted';
    status.dataset.state = state;
    status.textContent = text;
  };

  file.addEventListener('change', () => {
    // the file's name, without its extension, is the id unless one was typed
    const chosen = file.files[0];
    if (chosen && !id.value) id.value = chosen.name.replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9._-]/g, '-');
  });

  button.addEventListener('click', async () => {
    const chosen = file.files[0];
    if (!chosen) {
      show('failed', t('up.noFile'));
      return;
    }
    button.disabled = true;
    try {
      const form = new FormData();
      form.append('id', id.value.trim());
      form.append('durationSeconds', root.querySelector('#upload-duration').value);
      root.querySelectorAll('input[name="upload-screen-type"]:checked').forEach(box => form.append('screenTypes', box.value));
      if (globalThis.crypto?.subtle) {
        show('digest', t('up.digest'));
        form.append('sha256', await sha256(chosen));
      }
      form.append('file', chosen, chosen.name);
      show('upload', t('up.sending'));
      const creative = await upload('/creatives', form);
      show('done', `${t('up.done')}: ${creative.id} (${creative.durationSeconds} s, ${creative.sha256.slice(0, 12)}…)`);
      file.value = '';
      id.value = '';
      onUploaded(creative);
    } catch (e) {
      show('failed', `${t('up.failed')}: ${problemText(e)}`);
    } finally {
      button.disabled = false;
    }
  });
}

async function sha256(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map(b => b.toString(16).padStart(2, '0')).join('');
}
