// `POST /api/browser`: what the desktop UI's browser bar asks of the PC browsing session. Checked
// here once, then performed as the phone's own operations are.
import { navigationTarget } from '../../mirror/ops/navigation-target.js';
import type { BrowserOperation } from '../browser/operation-types.js';
import { BrowserRequestSchema, type BrowserRequest } from '../../protocol/control-requests.js';
import { checkBody } from './check-body.js';

export type { BrowserRequest };

/** Checks a `POST /api/browser` body against the contract; anything off is CONTROL_BAD_REQUEST. */
export function parseBrowserRequest(body: unknown): BrowserRequest {
  return checkBody(BrowserRequestSchema, body);
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
