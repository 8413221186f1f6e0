// Errors of the browser session, the mirror and the asset proxy: stable codes, see docs/errors.md.
export const BrowserErrorCode = {
  /** No Chromium, Chrome or Edge executable was found (set TANDEM_CHROMIUM to one). */
  BrowserNotFound: 'BROWSER_NOT_FOUND',
  /** The browser could not be started or went away. */
  BrowserUnavailable: 'BROWSER_UNAVAILABLE',
  /** No tab with that id (closed, or never existed). */
  TabNotFound: 'TAB_NOT_FOUND',
  /** A URL the session refuses (not http(s), about:blank or file: where allowed). */
  InvalidUrl: 'INVALID_URL',
  /** An operation from the phone that is malformed or names an element the page no longer has. */
  OperationFailed: 'OPERATION_FAILED',
  /** `op.copy` of a form value the mirror hides: a password, or any field with mask-all-inputs. */
  InputMasked: 'INPUT_MASKED',
  /** An asset request without a live session's token (the cookie its session page sets). */
  AssetTokenInvalid: 'ASSET_TOKEN_INVALID',
  /** The asset proxy refuses a URL that did not appear in this session's mirror stream. */
  AssetNotSeen: 'ASSET_NOT_SEEN',
  /** The asset is larger than the proxy's limit. */
  AssetTooLarge: 'ASSET_TOO_LARGE',
  /** The origin did not answer in time, or answered with an error. */
  AssetFetchFailed: 'ASSET_FETCH_FAILED',
  /** The origin answered with something other than an image, a stylesheet or a font. */
  AssetTypeRefused: 'ASSET_TYPE_REFUSED',
} as const;

export type BrowserErrorCode = (typeof BrowserErrorCode)[keyof typeof BrowserErrorCode];

export class BrowserError extends Error {
  constructor(
    readonly code: BrowserErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BrowserError';
  }
}
