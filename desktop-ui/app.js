// The desktop UI: polls the agent's local control API and shows each phone's state with a hint a
// person can act on, and sends the PC page's selection, its address, text or an image to a phone.
// Plain JS, no build step: it runs in a browser tab or an Electron window.
import { startBrowserBar } from './browser-bar.js';

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? sessionStorage.getItem('tandem-token') ?? '';
sessionStorage.setItem('tandem-token', token);
// The Electron browser window shows only the browser bar, as its toolbar.
const toolbar = params.get('view') === 'toolbar';
if (params.has('token'))
  history.replaceState(null, '', toolbar ? '?view=toolbar' : location.pathname);

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
  if (!response.ok) {
    const code = json.error?.code ? ` [${json.error.code}]` : '';
    throw new Error(`${json.error?.message ?? response.statusText}${code}`);
  }
  return json;
}

function element(tag, attributes = {}, text = '') {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text) node.textContent = text;
  return node;
}

// One list item per phone, kept across refreshes so a half-typed text keeps its value and focus.
const phoneItems = new Map();

function phoneItem(phone) {
  let item = phoneItems.get(phone.serial);
  if (!item) {
    const li = document.createElement('li');
    const title = document.createElement('div');
    const state = element('span', { class: 'state' });
    const hint = element('p', { class: 'hint' });
    const send = sendControls(phone.serial);
    li.append(title, hint, send);
    item = { li, title, state, hint, send };
    phoneItems.set(phone.serial, item);
  }
  const who = phone.identity
    ? `${phone.model} (${phone.identity.masked})`
    : phone.model || phone.serial;
  item.li.dataset.state = phone.state;
  item.title.replaceChildren(`${who} — `, item.state);
  item.state.textContent = phone.state + (phone.reason ? ` (${phone.reason})` : '');
  item.hint.textContent = phone.hint;
  item.send.hidden = phone.state !== 'connected';
  return item.li;
}

/** Updates the list in place: only items that changed position move (moving drops focus). */
function showPhones(live) {
  const list = $('phones');
  const items = live.map(phoneItem);
  items.forEach((li, index) => {
    if (list.children[index] !== li) list.insertBefore(li, list.children[index] ?? null);
  });
  while (list.children.length > items.length) list.lastElementChild.remove();
  const serials = new Set(live.map((phone) => phone.serial));
  for (const serial of phoneItems.keys()) if (!serials.has(serial)) phoneItems.delete(serial);
}

const sentLabel = {
  selection: (sent) => `Sent the selection (${sent.size} characters).`,
  link: (sent) => `Sent the link ${sent.url}.`,
  text: (sent) => `Sent the text (${sent.size} characters).`,
  image: (sent) => `Sent the image (${sent.size} bytes).`,
};

/** "Send to phone": the PC page's selection, its address, typed text, or an image URL. */
function sendControls(serial) {
  const box = element('div', { class: 'send' });
  const result = element('p', { class: 'send-result', role: 'status' });
  const send = async (request) => {
    result.className = 'send-result';
    result.textContent = 'Sending…';
    try {
      const { sent } = await api('/api/send', 'POST', { ...request, to: serial });
      result.textContent = sentLabel[sent.kind](sent);
      return true;
    } catch (error) {
      result.className = 'send-result error';
      result.textContent = error.message;
      return false;
    }
  };
  const button = (label, request) => {
    const node = element('button', { type: 'button' }, label);
    node.addEventListener('click', () => void send(request));
    return node;
  };
  const form = (label, type, name, make) => {
    const node = element('form', { class: 'send-form' });
    const input = element('input', { type, name, 'aria-label': label, placeholder: label });
    input.required = true;
    node.append(input, element('button', { type: 'submit' }, 'Send'));
    node.addEventListener('submit', (event) => {
      event.preventDefault();
      void send(make(input.value)).then((ok) => ok && node.reset());
    });
    return node;
  };
  box.append(
    button('Send selection', { kind: 'selection' }),
    button('Send this page', { kind: 'link' }),
    form('Send text', 'text', 'text', (text) => ({ kind: 'text', text })),
    form('Image URL', 'url', 'image', (url) => ({ kind: 'image', url })),
    result,
  );
  return box;
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
    showPhones(live);
    $('no-phones').hidden = live.length > 0;
    $('no-debugging').hidden = status.usbWithoutDebugging.length === 0;
    $('history').replaceChildren(...history.phones.map(historyItem));
  } catch (error) {
    $('connection').textContent = `The Tandem agent is not answering (${error.message}).`;
  }
}

startBrowserBar(api);
if (toolbar) {
  document.body.classList.add('toolbar');
} else {
  $('pause').addEventListener(
    'click',
    () => void api(paused ? '/api/resume' : '/api/pause', 'POST').then(refresh),
  );
  void refresh();
  setInterval(refresh, 1000);
}
