// One row per phone adb knows, for `tandem devices`: state, what the phone says about itself, and
// its identity (masked unless revealed). Only phones in `device` state can be read.
import { adbStateHint, type AdbDeviceLine } from '../../../native-bridge/adb/adb-state.js';
import type { AdbClient } from '../../../native-bridge/adb/client.js';
import { toBridgeError } from '../../../native-bridge/adb/adb-errors.js';
import { withAdbTimeout } from '../../../native-bridge/adb/adb-timeout.js';
import { listAdbDevices } from '../../../native-bridge/adb/track-devices.js';
import { BridgeErrorCode } from '../../../native-bridge/errors.js';
import { adbStateText, type AdbState, type IdentifiedPhone } from '../../../native-bridge/types.js';

export interface IdentityView {
  kind: string;
  masked: string;
  /** Only with --reveal. */
  value?: string;
  /** Only with --reveal, and only for kind `imei`. */
  imeis?: string[];
}

export interface DeviceRow {
  serial: string;
  state: string;
  model: string | null;
  manufacturer: string | null;
  /** Android release, e.g. "14". */
  release: string | null;
  sdk: number | null;
  identity: IdentityView | null;
  /** What to do about a phone that is not ready; absent when ready. */
  hint?: string;
  /** Why a ready phone could not be read. */
  error?: { code: string; message: string };
}

export type ReadPhone = (client: AdbClient, serial: string) => Promise<IdentifiedPhone>;

export interface DeviceRowsOptions {
  /** Bound on adb's device list (default 10 s); exceeded → ADB_TIMEOUT. */
  timeoutMs?: number;
}

export async function listDeviceRows(
  client: AdbClient,
  readPhone: ReadPhone,
  reveal: boolean,
  options: DeviceRowsOptions = {},
): Promise<DeviceRow[]> {
  let devices: AdbDeviceLine[];
  try {
    devices = await withAdbTimeout(
      'adb devices',
      (signal) => listAdbDevices(client, signal),
      options,
    );
  } catch (error) {
    throw toBridgeError(error, BridgeErrorCode.AdbServerUnreachable, 'cannot list adb devices');
  }
  return Promise.all(devices.map((d) => deviceRow(client, d.serial, d.state, readPhone, reveal)));
}

async function deviceRow(
  client: AdbClient,
  serial: string,
  state: AdbState,
  readPhone: ReadPhone,
  reveal: boolean,
): Promise<DeviceRow> {
  const row: DeviceRow = {
    serial,
    state: adbStateText(state),
    model: null,
    manufacturer: null,
    release: null,
    sdk: null,
    identity: null,
  };
  const hint = adbStateHint(state);
  if (hint !== undefined) return { ...row, hint };
  try {
    const { info, identity } = await readPhone(client, serial);
    const view: IdentityView = { kind: identity.kind, masked: identity.masked };
    if (reveal) {
      view.value = identity.value;
      if (identity.imeis) view.imeis = [...identity.imeis];
    }
    return {
      ...row,
      model: info.model,
      manufacturer: info.manufacturer,
      release: info.release,
      sdk: info.sdk,
      identity: view,
    };
  } catch (error) {
    const mapped = toBridgeError(error, BridgeErrorCode.IdentityUnavailable, 'reading the phone');
    return { ...row, error: { code: mapped.code, message: mapped.message } };
  }
}
