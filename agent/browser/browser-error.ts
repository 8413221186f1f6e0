// Errors of the browser session, the mirror and the asset proxy: stable codes from their catalogue
// (protocol/errors/browser.ts, shown in docs/errors.md).
import { CodedError, codeNames } from '../../protocol/coded-error.js';
import { browserErrors, type BrowserErrorCode as Code } from '../../protocol/errors/browser.js';

/** The codes by short name: `BrowserErrorCode.TabNotFound` is `'TAB_NOT_FOUND'`. */
export const BrowserErrorCode = codeNames(browserErrors);
export type BrowserErrorCode = Code;

export class BrowserError extends CodedError<BrowserErrorCode> {
  constructor(code: BrowserErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'BrowserError';
  }
}
