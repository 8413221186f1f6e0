// The PC's "send to phone" (issue 5): the selection or the address of the page the phones mirror,
// an image from a URL, or typed text, to one connected phone or to all of them. The phone page's
// inbox shows what arrives.
import { sendFile } from '../../relay-client/file-transfer.js';
import type { RelayMessage } from '../../protocol/relay-messages.js';
import type { TabInfo } from '../browser/browser-host.js';
import { ControlError } from '../control/control-error.js';
import type { PhoneStatus } from '../pairing/states.js';
import type { BrowserRuntime } from './browser-runtime.js';
import { fetchImage as defaultFetchImage, type FetchedImage } from './fetch-image.js';
import {
  checkTextLength,
  isHttpUrl,
  type SendRequest,
  type SendResult,
  type SentTo,
} from './send-request.js';

/** The page the phones see on the PC: its tab, and what is selected in it. */
export interface ShownPage {
  tab(): TabInfo | undefined;
  selection(tabId: string): Promise<string>;
}

export interface SendToPhoneDeps {
  phones(): PhoneStatus[];
  session(serial: string): { send(message: RelayMessage): Promise<void> } | undefined;
  page: ShownPage | undefined;
  fetchImage?: (url: string) => Promise<FetchedImage>;
}

export type SendToPhone = (request: SendRequest) => Promise<SendResult>;

export function createSendToPhone(deps: SendToPhoneDeps): SendToPhone {
  const fetchImage = deps.fetchImage ?? ((url: string) => defaultFetchImage(url));
  return async (request) => {
    const targets = pickTargets(deps, request.to);
    const sendAll = async (message: RelayMessage): Promise<void> => {
      for (const target of targets) await target.send(message);
    };
    const phones = targets.map(({ serial, masked }) => ({ serial, masked }));
    switch (request.kind) {
      case 'text':
        checkTextLength(request.text);
        await sendAll({ type: 'data.text', text: request.text });
        return { kind: 'text', phones, size: request.text.length };
      case 'selection': {
        const page = requirePage(deps.page);
        const tab = page.tab();
        const text = tab ? await page.selection(tab.id) : '';
        if (text.trim() === '') {
          throw new ControlError(
            'NOTHING_SELECTED',
            'nothing is selected in the page the phones see: select some text first',
            409,
          );
        }
        checkTextLength(text);
        await sendAll({ type: 'data.text', text });
        return { kind: 'selection', phones, size: text.length };
      }
      case 'link': {
        const link = request.url ? { url: request.url } : shownLink(requirePage(deps.page));
        await sendAll({ type: 'data.link', ...link });
        return { kind: 'link', phones, size: link.url.length, url: link.url };
      }
      case 'image': {
        const image = await fetchImage(request.url);
        for (const target of targets) {
          await sendFile((message) => target.send(message), { ...image, kind: 'image' });
        }
        return { kind: 'image', phones, size: image.bytes.length, url: request.url };
      }
    }
  };
}

/** The selection of the shown tab: the page's selection, or the selected part of a focused field. */
export function shownPageOf(browser: BrowserRuntime): ShownPage {
  return {
    tab: () => {
      const id = browser.mirror.shownTabId() ?? browser.host.activeTabId();
      return browser.host.tabs().find((tab) => tab.id === id);
    },
    selection: (tabId) => browser.host.evaluate<string>(tabId, selectionExpression),
  };
}

// A focused field's own selection range gives its selected part. A password field is never read:
// not its value, and not Chromium's getSelection() of it (bullets, or the value's length at least).
export const selectionExpression = `(() => {
  const field = document.activeElement;
  if (field && typeof field.selectionStart === 'number' && typeof field.value === 'string') {
    if (String(field.type).toLowerCase() === 'password') return '';
    const part = field.value.slice(field.selectionStart, field.selectionEnd ?? field.selectionStart);
    if (part) return part;
  }
  return String(globalThis.getSelection?.() ?? '');
})()`;

interface Target extends SentTo {
  send(message: RelayMessage): Promise<void>;
}

function pickTargets(deps: SendToPhoneDeps, to: string | undefined): Target[] {
  const connected: Target[] = [];
  for (const phone of deps.phones()) {
    const session = phone.state === 'connected' ? deps.session(phone.serial) : undefined;
    if (!session) continue;
    connected.push({
      serial: phone.serial,
      masked: phone.identity?.masked ?? null,
      send: (message) => session.send(message),
    });
  }
  if (connected.length === 0) {
    throw new ControlError(
      'NO_PHONE_CONNECTED',
      'no phone is connected: plug one in and wait for its session page',
      409,
    );
  }
  if (to === undefined) return connected;
  const chosen = connected.filter((phone) => phone.serial === to || phone.masked === to);
  const known = connected.map((p) => (p.masked ? `${p.serial} (${p.masked})` : p.serial));
  // The target is never quoted back: it could be a raw IMEI typed by mistake.
  if (chosen.length === 0) {
    throw new ControlError(
      'PHONE_NOT_FOUND',
      `no connected phone has that serial or masked identity; connected: ${known.join(', ')}`,
      404,
    );
  }
  if (chosen.length > 1) {
    throw new ControlError(
      'PHONE_AMBIGUOUS',
      `several connected phones match; name one by serial: ${known.join(', ')}`,
      409,
    );
  }
  return chosen;
}

function requirePage(page: ShownPage | undefined): ShownPage {
  if (!page) {
    throw new ControlError('CONTROL_NOT_AVAILABLE', 'this agent has no browser session', 503);
  }
  return page;
}

function shownLink(page: ShownPage): { url: string; title?: string } {
  const tab = page.tab();
  if (!tab || !isHttpUrl(tab.url)) {
    throw new ControlError(
      'NO_PAGE_SHOWN',
      'the browser session shows no http(s) page to send; give a URL instead',
      409,
    );
  }
  const title = tab.title.trim().slice(0, 1000);
  return title ? { url: tab.url, title } : { url: tab.url };
}
