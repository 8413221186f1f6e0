// The desktop UI: polls the agent's local control API and shows each phone's state with a hint a
// person can act on. Plain JS, no build step: it runs in a browser tab or an Electron window.
const params = new URLSearchParams(location.search);
const token = params.get('token') ?? sessionStorage.getItem('tandem-token') ?? '';
sessionStorage.setItem('tandem-token', token);
if (params.has('token')) history.replaceState(null, '', location.pathname);

const $ = (id) => document.getElementById(id);

async function api(path, method = 'GET', body) {
  const response = await fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(json.error?.message ?? response.statusText);
  return json;
}

function phoneItem(phone) {
  const li = document.createElement('li');
  li.dataset.state = phone.state;
  const title = document.createElement('div');
  const who = phone.identity
    ? `${phone.model} (${phone.identity.masked})`
    : phone.model || phone.serial;
  title.textContent = `${who} — `;
  const state = document.createElement('span');
  state.className = 'state';
  state.textContent = phone.state + (phone.reason ? ` (${phone.reason})` : '');
  title.append(state);
  const hint = document.createElement('p');
  hint.className = 'hint';
  hint.textContent = phone.hint;
  li.append(title, hint);
  return li;
}

function historyItem(entry) {
  const li = document.createElement('li');
  li.textContent = `${entry.model || entry.manufacturer} ${entry.masked} — connected ${entry.timesConnected}×, last ${new Date(entry.lastSeenAt).toLocaleString()}`;
  const forget = document.createElement('button');
  forget.type = 'button';
  forget.textContent = 'Forget';
  forget.setAttribute('aria-label', `Forget ${entry.masked}`);
  forget.addEventListener(
    'click',
    () => void api('/api/forget', 'POST', { target: entry.masked }).then(refresh),
  );
  li.append(' ', forget);
  return li;
}

let paused = false;
async function refresh() {
  try {
    const [status, history] = await Promise.all([api('/api/status'), api('/api/history')]);
    paused = status.paused;
    $('connection').textContent = paused ? 'Pairing is paused.' : 'Ready: plug a phone in to pair.';
    $('pause').textContent = paused ? 'Resume pairing' : 'Pause pairing';
    $('pause').setAttribute('aria-pressed', String(paused));
    const live = status.devices.filter((d) => d.state !== 'gone');
    $('phones').replaceChildren(...live.map(phoneItem));
    $('no-phones').hidden = live.length > 0;
    $('no-debugging').hidden = status.usbWithoutDebugging.length === 0;
    $('history').replaceChildren(...history.phones.map(historyItem));
  } catch (error) {
    $('connection').textContent = `The Tandem agent is not answering (${error.message}).`;
  }
}

$('pause').addEventListener(
  'click',
  () => void api(paused ? '/api/resume' : '/api/pause', 'POST').then(refresh),
);
void refresh();
setInterval(refresh, 1000);
