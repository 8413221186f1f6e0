// `POST /api/browser`: what the desktop UI's browser bar asks of the PC browsing session. Checked
// here once, then performed as the phone's own operations are.
import { navigationTarget } from '../../mirror/ops/navigation-target.js';
import type { BrowserOperation } from '../browser/operation-types.js';
import { ControlError } from './control-error.js';

export type BrowserRequest =
  | { action: 'open'; input: string }
  | { action: 'navigate'; input: string }
  | { action: 'back' | 'forward' | 'reload' }
  | { action: 'show' | 'close'; tabId: string };

const withInput = new Set(['open', 'navigate']);
const withTab = new Set(['show', 'close']);
const plain = new Set(['back', 'forward', 'reload']);

export function parseBrowserRequest(body: unknown): BrowserRequest {
  const { action, input, tabId } = (body ?? {}) as Record<string, unknown>;
  const bad = (why: string): never => {
    throw new ControlError('CONTROL_BAD_REQUEST', `browser request: ${why}`);
  };
  if (typeof action !== 'string') return bad('expected { "action": … }');
  if (withInput.has(action)) {
    if (typeof input !== 'string' || input.trim() === '' || input.length > 8192) {
      return bad(`"${action}" needs "input": a URL or search words (at most 8192 characters)`);
    }
    return { action: action as 'open' | 'navigate', input };
  }
  if (withTab.has(action)) {
    if (typeof tabId !== 'string' || tabId === '' || tabId.length > 128) {
      return bad(`"${action}" needs "tabId"`);
    }
    return { action: action as 'show' | 'close', tabId };
  }
  if (plain.has(action)) return { action: action as 'back' | 'forward' | 'reload' };
  return bad('"action" is one of open, navigate, back, forward, reload, show, close');
}

/** The operation a request means (all but `open`, which makes a new tab). */
export function operationFor(
  request: Exclude<BrowserRequest, { action: 'open' }>,
): BrowserOperation {
  switch (request.action) {
    case 'navigate':
      return { type: 'op.navigate', url: navigationTarget(request.input) };
    case 'back':
      return { type: 'op.back' };
    case 'forward':
      return { type: 'op.forward' };
    case 'reload':
      return { type: 'op.reload' };
    case 'show':
    case 'close':
      return { type: 'op.tab', action: request.action, tabId: request.tabId };
  }
}
