// The identity strategy: one getprop, then IMEIs (per-release sources and vendor properties), then
// the hardware serial, then android_id. Bounded per call and in total; a vanished phone ends it.
import type { ShellRunner } from '../adb/shell.js';
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { phoneIdentity, type PhoneIdentity } from '../../protocol/identity.js';
import type { IdentifiedPhone, PhoneInfo } from '../types.js';
import { parseAndroidId } from './android-id.js';
import { collectImeis, isSourceFailure } from './collect-imeis.js';
import { boundedShell, startDeadline, type BoundedShell } from './deadline.js';
import { parseGetprop, phoneInfoFromProps } from './getprop.js';
import { validateSerial } from './serial.js';

export interface ReadIdentityOptions {
  /** Timeout of each shell call (default 1500 ms). */
  callTimeoutMs?: number;
  /** Bound of the whole read (default 3000 ms); past it the read fails with IdentityTimeout. */
  totalTimeoutMs?: number;
  /** Lets the caller give up early (e.g. the phone was detached); rejects with its reason. */
  signal?: AbortSignal;
}

export const DEFAULT_CALL_TIMEOUT_MS = 1_500;
export const DEFAULT_TOTAL_TIMEOUT_MS = 3_000;

export async function readIdentity(
  shell: ShellRunner,
  options: ReadIdentityOptions = {},
): Promise<IdentifiedPhone> {
  const deadline = startDeadline(
    options.totalTimeoutMs ?? DEFAULT_TOTAL_TIMEOUT_MS,
    options.signal,
  );
  try {
    const call = boundedShell(shell, deadline, options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS);
    const props = parseGetprop(await call('getprop'));
    const info = phoneInfoFromProps(props);
    return { info, identity: await identify(call, info, props) };
  } finally {
    deadline.dispose();
  }
}

async function identify(
  call: BoundedShell,
  info: PhoneInfo,
  props: Record<string, string>,
): Promise<PhoneIdentity> {
  const imeis = await collectImeis(call, info.sdk, props);
  const [primary] = imeis;
  if (primary !== undefined) {
    return { ...phoneIdentity('imei', primary), imeis };
  }
  if (validateSerial(info.serial)) {
    return phoneIdentity('serial', info.serial);
  }
  const androidId = await readAndroidId(call);
  if (androidId !== null) {
    return phoneIdentity('android_id', androidId);
  }
  throw new BridgeError(
    BridgeErrorCode.IdentityUnavailable,
    `no valid IMEI, serial or android_id on ${info.model || 'this phone'}`,
  );
}

async function readAndroidId(call: BoundedShell): Promise<string | null> {
  try {
    return parseAndroidId(await call('settings get secure android_id'));
  } catch (error) {
    if (isSourceFailure(error)) return null;
    throw error;
  }
}
