// The address a phone without a cable uses to reach the embedded server: loopback is useless to
// it, so a server listening on every interface is named by this machine's first LAN address.
import { networkInterfaces } from 'node:os';
import type { RunningServer } from '../../server/listen.js';
import type { AgentOptions } from './agent-options.js';

export function linkServerUrl(
  options: Pick<AgentOptions, 'serverUrl' | 'serverHost'>,
  embedded: RunningServer | undefined,
  interfaces = networkInterfaces(),
): string | undefined {
  if (options.serverUrl || !embedded) return options.serverUrl;
  const host = options.serverHost ?? '127.0.0.1';
  if (host !== '0.0.0.0' && host !== '::') return embedded.url;
  const lan = Object.values(interfaces)
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal);
  return lan ? `http://${lan.address}:${embedded.port}` : embedded.url;
}
