// `settings get secure android_id` (Android 4.2+): a 64-bit value in hex. Older releases drop leading
// zeros (Long.toHexString), so fewer than 16 digits is real; `null` means none was ever set.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import { meaningfulLines } from './adb-output.js';

/** Known non-unique value shipped by an Android 2.2 bug and by emulators. */
const BROKEN_ANDROID_IDS = new Set(['9774d56d682e549c']);

/** The android_id, or null when there is none usable; AdbOutputMalformed when it is not one. */
export function parseAndroidId(text: string): string | null {
  const lines = meaningfulLines(text);
  const value = lines.length === 1 ? (lines[0] ?? '').toLowerCase() : '';
  if (value === 'null') return null;
  if (!/^[0-9a-f]{1,16}$/.test(value)) {
    throw new BridgeError(BridgeErrorCode.AdbOutputMalformed, 'android_id output is not hex');
  }
  if (BROKEN_ANDROID_IDS.has(value) || /^0+$/.test(value)) return null;
  return value;
}
