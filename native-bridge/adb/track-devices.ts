// `host:track-devices` on an adbkit connection. adbkit's own Tracker processes the first device list
// before trackDevices() resolves, so a caller can never see it; this one waits for start().
import { EventEmitter } from 'node:events';
import { parseAdbDeviceLines, type AdbDeviceLine } from './adb-state.js';
import type { AdbClient } from './client.js';
import { closeConnection, openService, readHexValue, type AdbConnection } from './smart-socket.js';

export interface AdbDeviceTrackerEvents {
  /** The complete device list: first the current one, then one after every change. */
  list: [devices: AdbDeviceLine[]];
  error: [error: Error];
  /** The connection is over (after an error, a server shutdown or end()). */
  end: [];
}

export class AdbDeviceTracker extends EventEmitter<AdbDeviceTrackerEvents> {
  private started = false;
  private ended = false;
  private endReported = false;

  constructor(private readonly connection: AdbConnection) {
    super();
  }

  /** Starts reading; call it once the listeners are attached. */
  start(): void {
    if (this.started || this.ended) return;
    this.started = true;
    void this.read();
  }

  /** Closes the connection at once; `end` follows. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.connection.end();
    this.connection.socket?.destroy();
    this.reportEnd();
  }

  private async read(): Promise<void> {
    try {
      while (!this.ended) {
        const value = await readHexValue(this.connection.parser);
        if (this.ended) break;
        this.emit('list', parseAdbDeviceLines(value.toString('utf8')));
      }
    } catch (error) {
      if (!this.ended)
        this.emit('error', error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.ended = true;
      this.connection.socket?.destroy();
      this.reportEnd();
    }
  }

  private reportEnd(): void {
    if (this.endReported) return;
    this.endReported = true;
    this.emit('end');
  }
}

/**
 * Opens a device-tracking connection to the adb server (starting the server if the client may).
 * No bound of its own: the caller bounds it (withAdbTimeout) and `signal` closes the connection.
 */
export async function trackAdbDevices(
  client: AdbClient,
  signal?: AbortSignal,
): Promise<AdbDeviceTracker> {
  const connection = await openService(() => client.connection(), 'host:track-devices', signal);
  return new AdbDeviceTracker(connection);
}

/** One `host:devices` answer as device lines; `signal` closes the connection, as above. */
export async function listAdbDevices(
  client: AdbClient,
  signal?: AbortSignal,
): Promise<AdbDeviceLine[]> {
  const connection = await openService(() => client.connection(), 'host:devices', signal);
  try {
    return parseAdbDeviceLines((await readHexValue(connection.parser)).toString('utf8'));
  } finally {
    closeConnection(connection);
  }
}
