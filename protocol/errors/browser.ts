// The agent's browser session and its asset proxy.
import { defineCatalogue, type CodeOf } from '../coded-error.js';

export const browserErrors = defineCatalogue({
  room: 'browser',
  heading: 'Browser session and mirror (agent/browser, mirror/)',
  columns: { action: 'What the person can do' },
  codes: {
    BROWSER_NOT_FOUND: {
      name: 'BrowserNotFound',
      when: 'No Chromium, Chrome or Edge executable was found.',
      action: 'Install one, or set `TANDEM_CHROMIUM=/path/to/chrome`.',
    },
    BROWSER_UNAVAILABLE: {
      name: 'BrowserUnavailable',
      when: 'The browser could not start or went away.',
      action: 'Close other browsers using the Tandem profile; restart the agent.',
    },
    TAB_NOT_FOUND: {
      name: 'TabNotFound',
      when: 'An operation named a tab that is closed.',
      action: 'Refresh the tab list on the phone.',
    },
    INVALID_URL: {
      name: 'InvalidUrl',
      when: 'A tab was asked to load something other than http(s) or about:blank.',
      action: 'Use an http(s) address.',
    },
    OPERATION_FAILED: {
      name: 'OperationFailed',
      when: 'A phone operation is malformed or names an element the PC page no longer has.',
      action: 'Try again: the page changed meanwhile.',
    },
    INPUT_MASKED: {
      name: 'InputMasked',
      when: 'The phone asked to copy a password, or any field with `--mask-all-inputs`.',
      action: 'None: the mirror hides those values.',
    },
    ASSET_TOKEN_INVALID: {
      name: 'AssetTokenInvalid',
      when: "403: an asset request without a live session's token cookie.",
      action: 'Reopen the session page on the phone (its answer sets the token).',
    },
    ASSET_NOT_SEEN: {
      name: 'AssetNotSeen',
      when: "403: a URL this session's pages never used as an image, style, font or icon.",
      action: 'None: the proxy only relays what the mirrored pages show.',
    },
    ASSET_TYPE_REFUSED: {
      name: 'AssetTypeRefused',
      when: "415: the asset's site answered with a type other than image, CSS or font.",
      action: 'None; the phone shows the page without it.',
    },
    ASSET_TOO_LARGE: {
      name: 'AssetTooLarge',
      when: "The asset is over the proxy's size limit.",
      action: 'None; the phone shows the page without it.',
    },
    ASSET_FETCH_FAILED: {
      name: 'AssetFetchFailed',
      when: "502: the asset's site did not answer in time, or answered an error.",
      action: "Check the PC's network.",
    },
  },
});

export type BrowserErrorCode = CodeOf<typeof browserErrors>;
