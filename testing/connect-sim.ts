// Attaches a phone sim to a private adb server: `adb connect`, then waits for `adb devices` to
// list it in the expected state. adb 29 keeps an unplugged TCP device `offline` and retries about
// every 10 s; to reattach at once after `replug()` we disconnect that stale entry first.
import type { PrivateAdbServer } from './adb-server.js';
import { PhoneSimError } from '../phone-sim/errors.js';

export type SimAdbState = 'device' | 'unauthorized';

export interface ConnectSimOptions {
  /** The state to wait for: `device` (default) or `unauthorized` for a sim started unauthorized. */
  expect?: SimAdbState;
  timeoutMs?: number;
}

/** The state `adb devices` shows for a serial, or undefined when it is not listed. */
export async function adbStateOf(
  adb: PrivateAdbServer,
  serial: string,
): Promise<string | undefined> {
  const listing = await adb.adb(['devices']);
  for (const line of listing.split(/\r?\n/)) {
    const [name, state] = line.split('\t');
    if (name === serial && state !== undefined) return state.trim();
  }
  return undefined;
}

export async function connectSim(
  adb: PrivateAdbServer,
  sim: { readonly adbSerial: string },
  options: ConnectSimOptions = {},
): Promise<void> {
  const expect = options.expect ?? 'device';
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const serial = sim.adbSerial;
  if ((await adbStateOf(adb, serial)) === 'offline') await adb.adb(['disconnect', serial]);
  let lastState: string | undefined;
  let connected = false;
  while (Date.now() < deadline) {
    // `adb connect` prints "failed to authenticate" for an unauthorized phone and exits 0 or 1.
    if (!connected) {
      await adb.adb(['connect', serial]).catch(() => '');
      connected = true;
    }
    lastState = await adbStateOf(adb, serial);
    if (lastState === expect) return;
    if (lastState === undefined) connected = false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new PhoneSimError(
    'PHONE_SIM_CONNECT_TIMEOUT',
    `adb did not list ${serial} as ${expect} in time (last state: ${lastState ?? 'not listed'})`,
  );
}
