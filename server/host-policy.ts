// Which Host names the pairing server answers to, and which browser origins count as its own. A
// DNS-rebinding page reaches a loopback server under the attacker's name (`Host: evil.example:PORT`),
// so the Host header is checked against the names the server is really reached by: the loopback
// names, plus, for a server bound to every interface or a LAN address, that address and the names an
// operator configured (`allowedHosts`).
import { networkInterfaces } from 'node:os';

export interface HostPolicy {
  /** True when a request's Host header names this server. */
  allowsHost(host: string | undefined): boolean;
  /** True for no Origin (tools), one of this server's own origins, or an explicitly allowed one. */
  allowsOrigin(origin: string | undefined): boolean;
}

export interface HostPolicyInput {
  /** Names reached with the server's own port: `localhost`, `127.0.0.1`, `[::1]`, a LAN address. */
  ownNames: readonly string[];
  /** Operator-given names: `name` matches on any port (a reverse proxy on 443), `name:port` exactly. */
  allowedHosts?: readonly string[];
  /** Origins accepted besides the server's own, e.g. `https://tandem.example`. */
  allowedOrigins?: readonly string[];
  /** The port the server listens on; undefined before listen (injected test requests). */
  port(): number | undefined;
}

export const LOOPBACK_NAMES: readonly string[] = Object.freeze(['localhost', '127.0.0.1', '[::1]']);

/** The names a server bound to `bindHost` is reached by, besides the configured ones. */
export function ownHostNames(bindHost: string, interfaces = networkInterfaces()): string[] {
  const names = new Set(LOOPBACK_NAMES);
  const wildcard = bindHost === '0.0.0.0' || bindHost === '::' || bindHost === '';
  if (wildcard) {
    for (const entry of Object.values(interfaces).flat()) {
      if (entry) names.add(bracketed(entry.address.split('%')[0] ?? entry.address));
    }
  } else {
    names.add(bracketed(bindHost.toLowerCase()));
  }
  return [...names];
}

export function createHostPolicy(input: HostPolicyInput): HostPolicy {
  const own = new Set(input.ownNames.map((name) => name.toLowerCase()));
  const configured = new Set((input.allowedHosts ?? []).map((name) => name.toLowerCase()));
  const origins = new Set(input.allowedOrigins ?? []);

  const allowsHost = (host: string | undefined): boolean => {
    const parsed = host === undefined ? undefined : splitHost(host.toLowerCase());
    if (!parsed) return false;
    const { name, port } = parsed;
    if (configured.has(name) || (port !== undefined && configured.has(`${name}:${port}`))) {
      return true;
    }
    if (!own.has(name)) return false;
    const bound = input.port();
    return bound === undefined || (port ?? 80) === bound;
  };

  return {
    allowsHost,
    allowsOrigin(origin) {
      if (origin === undefined) return true;
      if (origins.has(origin)) return true;
      let url: URL;
      try {
        url = new URL(origin);
      } catch {
        return false;
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      if (origin !== url.origin) return false;
      return allowsHost(url.port === '' && url.protocol === 'http:' ? `${url.host}:80` : url.host);
    },
  };
}

/** `name[:port]` or `[v6][:port]` → its parts; undefined when it is not a plain host. */
export function splitHost(host: string): { name: string; port: number | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::([0-9]{1,5}))?$/.exec(host);
  if (!match) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && port > 65535) return undefined;
  return { name: match[1]!, port };
}

function bracketed(address: string): string {
  return address.includes(':') && !address.startsWith('[') ? `[${address}]` : address;
}
