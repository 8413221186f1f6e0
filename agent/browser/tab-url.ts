// Which URLs a tab of the session may load: the web (http, https) and about:blank. No file:,
// javascript: or chrome: URLs: a phone must not be able to read the PC's files through a tab.
import { BrowserError, BrowserErrorCode } from './browser-error.js';

export function checkTabUrl(url: string): void {
  if (url === 'about:blank') return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BrowserError(
      BrowserErrorCode.InvalidUrl,
      `not a URL: ${JSON.stringify(url.slice(0, 200))}`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new BrowserError(
      BrowserErrorCode.InvalidUrl,
      `only http(s) URLs open in the session, not ${parsed.protocol}`,
    );
  }
}
