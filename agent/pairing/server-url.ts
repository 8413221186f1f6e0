// One spelling per pairing server, so "http://host:1/" and "http://host:1" share one stored account.
import { PairingClientError } from './pairing-client-error.js';

export function normalizeServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new PairingClientError('INVALID_SERVER_URL', `not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PairingClientError(
      'INVALID_SERVER_URL',
      `the server URL must be http(s): ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new PairingClientError('INVALID_SERVER_URL', 'the server URL must not carry credentials');
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
