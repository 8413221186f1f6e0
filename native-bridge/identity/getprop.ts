// `getprop` prints one `[key]: [value]` per line; values may be empty, contain `]`, or (rarely) span
// lines. One call feeds both PhoneInfo and the vendor IMEI properties.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import type { PhoneInfo } from '../types.js';
import { outputLines } from './adb-output.js';
import { validateSerial } from './serial.js';

const PROP_START = /^\[([^\]\s]+)\]: \[(.*)$/;

export function parseGetprop(text: string): Record<string, string> {
  const props = new Map<string, string>();
  let pending: { key: string; lines: string[] } | undefined;
  for (const line of outputLines(text)) {
    if (pending) {
      pending.lines.push(line);
      if (line.endsWith(']')) {
        props.set(pending.key, pending.lines.join('\n').slice(0, -1));
        pending = undefined;
      }
      continue;
    }
    const match = PROP_START.exec(line);
    if (!match) continue; // tolerate stray lines; an empty result is caught below
    const [, key = '', rest = ''] = match;
    if (rest.endsWith(']')) props.set(key, rest.slice(0, -1));
    else pending = { key, lines: [rest] };
  }
  if (props.size === 0) {
    // Never echo the output: getprop carries IMEIs on some phones.
    throw new BridgeError(BridgeErrorCode.AdbOutputMalformed, 'getprop printed no properties');
  }
  // fromEntries defines own properties, so a key like `__proto__` cannot touch the prototype.
  return Object.fromEntries(props);
}

function firstOf(props: Record<string, string>, keys: readonly string[]): string {
  for (const key of keys) {
    const value = props[key]?.trim();
    if (value) return value;
  }
  return '';
}

export function phoneInfoFromProps(props: Record<string, string>): PhoneInfo {
  const sdk = Number.parseInt(firstOf(props, ['ro.build.version.sdk']), 10);
  return {
    // Android 10+ may leave ro.product.* to the vendor/system partitions.
    model: firstOf(props, [
      'ro.product.model',
      'ro.product.vendor.model',
      'ro.product.system.model',
    ]),
    manufacturer: firstOf(props, [
      'ro.product.manufacturer',
      'ro.product.vendor.manufacturer',
      'ro.product.system.manufacturer',
    ]),
    brand: firstOf(props, [
      'ro.product.brand',
      'ro.product.vendor.brand',
      'ro.product.system.brand',
    ]),
    release: firstOf(props, ['ro.build.version.release', 'ro.build.version.release_or_codename']),
    sdk: Number.isFinite(sdk) && sdk > 0 ? sdk : 0,
    // Some builds say `unknown` in ro.serialno but have the real one in ro.boot.serialno.
    serial:
      ['ro.serialno', 'ro.boot.serialno'].map((k) => props[k]?.trim() ?? '').find(validateSerial) ??
      '',
  };
}
