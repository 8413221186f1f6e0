// Performs the phone's operations on the PC's browser session, on the tab the phone is shown.
// Elements are named by the recorder's node ids, the ids the phone's replayed copy carries.
import type { FindResult } from '../../mirror/ops/find-in-page.js';
import { navigationTarget } from '../../mirror/ops/navigation-target.js';
import { PAGE_API } from '../../mirror/recorder/recorder-config.js';
import { BrowserError, BrowserErrorCode } from './browser-error.js';
import type { BrowserHost } from './browser-host.js';
import type { BrowserOperation, OperationResult } from './operation-types.js';

export interface OperationContext {
  host: BrowserHost;
  /** The tab the phone sees (the mirror stream's shown tab). */
  tabId: string;
  /** Makes another tab the shown one (the mirror stream's `show`). */
  show?(tabId: string): Promise<void>;
  searchUrl?: string;
}

export async function performOperation(
  context: OperationContext,
  op: BrowserOperation,
): Promise<OperationResult> {
  const { host, tabId } = context;
  const call = <T>(expression: string): Promise<T> =>
    host.evaluate<T>(tabId, `window.${PAGE_API}.${expression}`);
  switch (op.type) {
    case 'op.navigate':
      await host.navigate(tabId, navigationTarget(op.url, context.searchUrl));
      return {};
    case 'op.back':
      await host.back(tabId);
      return {};
    case 'op.forward':
      await host.forward(tabId);
      return {};
    case 'op.reload':
      await host.reload(tabId);
      return {};
    case 'op.tab':
      if (op.action === 'close') {
        await host.close(op.tabId);
        return {};
      }
      await host.activate(op.tabId);
      await context.show?.(op.tabId);
      return {};
    case 'op.scroll': {
      const anchor = op.anchor && {
        id: nodeId(op.anchor.ref),
        fraction: Number.isFinite(op.anchor.fraction) ? op.anchor.fraction : 0,
        at: Number(num(op.anchor.at)),
      };
      // By content when the phone tells it; by pixels if that element is not on the PC's page.
      if (anchor && (await call<boolean>(`scrollToAnchor(${JSON.stringify(anchor)})`))) return {};
      const ref = op.ref === undefined ? undefined : nodeId(op.ref);
      const done = await call<boolean>(`scroll(${num(op.x)}, ${num(op.y)}, ${ref ?? 'undefined'})`);
      if (!done) throw gone(op.ref ?? '');
      return {};
    }
    case 'op.find': {
      const find = await call<FindResult>(
        op.action === 'query'
          ? `find('query', ${JSON.stringify(op.query)}, ${op.caseSensitive === true})`
          : `find(${JSON.stringify(op.action)})`,
      );
      return { find };
    }
    case 'op.click': {
      const point = await call<{ x: number; y: number } | null>(`clickPoint(${nodeId(op.ref)})`);
      if (!point) throw gone(op.ref);
      await host.clickAt(tabId, point.x, point.y);
      return {};
    }
    case 'op.input': {
      const focused = await call<boolean>(`focus(${nodeId(op.ref)})`);
      if (!focused) throw gone(op.ref);
      // Trusted typing over the selected old value: the page sees real input events.
      if (op.value === '') await host.evaluate(tabId, `document.execCommand('delete')`);
      else await host.insertText(tabId, op.value);
      return {};
    }
    case 'op.select': {
      const done = await call<boolean>(
        `selectOptions(${nodeId(op.ref)}, ${JSON.stringify(op.values)})`,
      );
      if (!done) throw gone(op.ref);
      return {};
    }
    case 'op.copy': {
      const ref = op.ref === undefined ? 'undefined' : String(nodeId(op.ref));
      const text = await call<string | null>(`selectText(${ref})`);
      if (text === null) {
        throw new BrowserError(
          BrowserErrorCode.InputMasked,
          'that is a form field whose value the phone may not read (a password, or --mask-all-inputs)',
        );
      }
      return { text };
    }
  }
}

function nodeId(ref: string): number {
  const id = Number(ref);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new BrowserError(
      BrowserErrorCode.OperationFailed,
      `not a mirrored element: ${JSON.stringify(ref.slice(0, 40))}`,
    );
  }
  return id;
}

function num(value: number): string {
  if (!Number.isFinite(value))
    throw new BrowserError(BrowserErrorCode.OperationFailed, 'scroll needs finite numbers');
  return String(Math.round(value));
}

function gone(ref: string): BrowserError {
  return new BrowserError(
    BrowserErrorCode.OperationFailed,
    `the PC page has no element ${JSON.stringify(ref.slice(0, 40))} any more (it changed meanwhile)`,
  );
}
