// The Wi-Fi mode's page without Wi-Fi: the real pairing server (Host policy, relay, phone page) on
// loopback, told to answer to a LAN-like name as well (`allowedHosts`), and a Chromium that maps that
// name to 127.0.0.1 (`--host-resolver-rules`). A page opened at http://tandem-lan.test:PORT is then
// not a secure context and has no `crypto.subtle`, as a phone's browser at http://192.168.x.y:PORT.
import type { Browser } from 'playwright-core';
import { startServer } from '../server/listen.js';
import { launchTestChromium } from './chromium.js';
import type { RelayServer } from './relay-server.js';
import { tempDir } from './server-app.js';

/** A name the tests' Chromium resolves to 127.0.0.1; `.test` is reserved, never a real host. */
export const LAN_NAME = 'tandem-lan.test';

export interface LanServer extends Pick<RelayServer, 'relay' | 'base' | 'close'> {
  /** The same server under LAN_NAME: `http://tandem-lan.test:PORT`. */
  lanBase: string;
  /** `url` (on `base`) as the phone on the Wi-Fi opens it, on `lanBase`. */
  onLan(url: string): string;
}

export async function startLanServer(): Promise<LanServer> {
  const dir = tempDir('tandem-lan-');
  const server = await startServer({
    dataDir: dir.path,
    host: '127.0.0.1',
    port: 0,
    sweepIntervalMs: 0,
    allowedHosts: [LAN_NAME],
  });
  const lanBase = `http://${LAN_NAME}:${server.port}`;
  return {
    relay: server.app.relay,
    base: server.url,
    lanBase,
    onLan: (url) => lanBase + url.slice(server.url.length),
    close: async () => {
      await server.close();
      dir.remove();
    },
  };
}

/**
 * NODE_OPTIONS for a child Node process (`tandem agent`) that resolves LAN_NAME to 127.0.0.1, as the
 * Chromium below does: it then reaches a server "on the Wi-Fi" without any traffic off loopback.
 */
export function lanNameNodeOptions(): string {
  const preload = `import dns from 'node:dns';
const lookup = dns.lookup;
dns.lookup = function (host, ...rest) {
  return lookup.call(this, host === ${JSON.stringify(LAN_NAME)} ? '127.0.0.1' : host, ...rest);
};`;
  const imports = `--import=data:text/javascript,${encodeURIComponent(preload)}`;
  return [process.env.NODE_OPTIONS ?? '', imports].join(' ').trim();
}

/** The tests' Chromium, resolving LAN_NAME to loopback. */
export function launchLanChromium(): Promise<Browser> {
  return launchTestChromium({ extraArgs: [`--host-resolver-rules=MAP ${LAN_NAME} 127.0.0.1`] });
}
