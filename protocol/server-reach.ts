// How a phone reaches the pairing server the agent uses. A server on this computer's loopback (the
// embedded one, or `--server http://127.0.0.1:N`) is out of the phone's reach except through
// `adb reverse` of its port, the phone then opening it as its own `localhost`. Any other server
// URL is handed to the phone as it is, and the phone must reach it itself (the same Wi-Fi, or a
// public host). Plain `http://` off loopback gives the phone page no secure context. Shared by the
// agent and the desktop UI, which both say so.

/** localhost, 127.0.0.0/8 and [::1]: names that mean "this computer" wherever they are used. */
export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The TCP port of a loopback server URL (the one to reverse), undefined for any other URL. */
export function loopbackServerPort(url: string): number | undefined {
  if (!isLoopbackUrl(url)) return undefined;
  const parsed = new URL(url);
  return parsed.port === '' ? (parsed.protocol === 'https:' ? 443 : 80) : Number(parsed.port);
}

/** The server URL as a phone opens it through `adb reverse`: the same URL on its own localhost. */
export function throughReverse(url: string): string {
  const parsed = new URL(url);
  parsed.hostname = 'localhost';
  return parsed.href.replace(/\/+$/, '');
}

/** True for an `http://` server off loopback: the phone page there is not a secure context. */
export function isInsecureRemoteServer(url: string): boolean {
  return new URL(url).protocol === 'http:' && !isLoopbackUrl(url);
}

/** What the agent and its UI say once about such a server. */
export function insecureServerWarning(url: string): string {
  return (
    `The pairing server ${new URL(url).origin} is plain HTTP off this computer: the phone page ` +
    'runs without a secure context (sealing still works, in pure JS), and anyone on the network ' +
    'path could alter the page. Give a public server HTTPS.'
  );
}
