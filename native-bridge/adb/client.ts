// The one place that builds an adbkit client: adb located by locate-adb, and adbkit's own habit of
// spawning `adb start-server` on a refused connection switched on or off explicitly.
import { createRequire } from 'node:module';
import adbkit from '@devicefarmer/adbkit';
import type ConnectionModule from '@devicefarmer/adbkit/dist/src/adb/connection.js';
import { locateAdb } from './locate-adb.js';

export type AdbClient = InstanceType<typeof adbkit.Client>;
export type AdbDeviceClient = InstanceType<typeof adbkit.DeviceClient>;

export const DEFAULT_ADB_PORT = 5037;

export interface AdbClientOptions {
  host?: string;
  port?: number;
  /** The adb executable; located with locateAdb() when omitted (throws AdbNotFound). */
  adbPath?: string;
  /**
   * Whether adbkit may run `adb -P <port> start-server` when the server refuses the connection.
   * Default true, as the adb command line does. Never on for a remote host.
   */
  startServer?: boolean;
}

// adbkit does not export its Connection class; the package has no exports map, so the path is stable
// for the pinned major version.
const require = createRequire(import.meta.url);
const ConnectionClass = (
  require('@devicefarmer/adbkit/dist/src/adb/connection') as {
    default: typeof ConnectionModule.default;
  }
).default;

/** An adbkit Client whose every connection either may or may not start the adb server. */
class ControlledClient extends adbkit.Client {
  constructor(
    options: { host: string; port: number; bin: string },
    private readonly mayStartServer: boolean,
  ) {
    super(options);
  }

  override connection(): ReturnType<AdbClient['connection']> {
    const connection = new ConnectionClass(this.options);
    // adbkit tries `start-server` once per connection unless it believes it already did.
    (connection as unknown as { triedStarting: boolean }).triedStarting = !this.mayStartServer;
    connection.on('error', (error: Error) => this.emit('error', error));
    return connection.connect();
  }
}

export function createAdbClient(options: AdbClientOptions = {}): AdbClient {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_ADB_PORT;
  const bin = options.adbPath ?? locateAdb().path;
  const startServer = (options.startServer ?? true) && isLoopback(host);
  const client = new ControlledClient({ host, port, bin }, startServer);
  // An 'error' without a listener would crash the process; callers see failures through promises.
  client.on('error', () => {});
  return client;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
