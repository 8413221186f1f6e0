// Pure parsing of what adb says about devices: state words and `adb devices -l` text.
import { BridgeError, BridgeErrorCode } from '../errors.js';
import type { AdbState, KnownAdbState } from '../types.js';
import { commandWords } from '../../protocol/i18n/cli-command-words.js';

const PLAIN_STATES: ReadonlySet<string> = new Set<KnownAdbState>([
  'device',
  'unauthorized',
  'authorizing',
  'offline',
  'connecting',
  'bootloader',
  'recovery',
  'sideload',
  'host',
]);

/** Maps adb's state text (adbkit's device `type`) to an AdbState; unknown words are kept verbatim. */
export function parseAdbState(raw: string): AdbState {
  const text = raw.trim();
  if (PLAIN_STATES.has(text)) return text as KnownAdbState;
  // "no permissions (user in plugdev group; are your udev rules wrong?); see [http://…]"
  if (/^no permissions\b/.test(text)) return 'no-permissions';
  return { unknown: text };
}

export function sameAdbState(a: AdbState, b: AdbState): boolean {
  return typeof a === 'string' || typeof b === 'string' ? a === b : a.unknown === b.unknown;
}

/**
 * What the person should do about a phone in this state, in English (the CLI's catalogue holds
 * the words, in each language); undefined when nothing is needed.
 */
export function adbStateHint(state: AdbState): string | undefined {
  const words = commandWords.en.devices;
  if (typeof state !== 'string') return words.unusualState(state.unknown);
  return state === 'device' ? undefined : words.hints[state];
}

export interface AdbDeviceLine {
  serial: string;
  state: AdbState;
  /** The `-l` details, e.g. { usb: '1-1', product: 'sailfish', model: 'Pixel', transport_id: '3' }. */
  details: Record<string, string>;
}

const HEADER = 'List of devices attached';
const DETAIL = /^([a-z_]+):(\S*)$/;

/**
 * Parses `adb devices` / `adb devices -l` output: CRLF or LF, with the daemon-start noise adb prints
 * before the header. Throws AdbOutputMalformed when there is no header or a line has no state.
 */
export function parseAdbDevicesOutput(text: string): AdbDeviceLine[] {
  const lines = text.split(/\r?\n/).map((line) => line.replace(/\r$/, ''));
  const header = lines.findIndex((line) => line.trim() === HEADER);
  if (header < 0) {
    throw new BridgeError(
      BridgeErrorCode.AdbOutputMalformed,
      // Not quoted: serials and whatever else adb printed may be identities.
      `adb devices printed no "${HEADER}" line`,
    );
  }
  return parseAdbDeviceLines(lines.slice(header + 1).join('\n'));
}

/** Parses device lines without the header, as `host:devices` and `host:track-devices` send them. */
export function parseAdbDeviceLines(text: string): AdbDeviceLine[] {
  const devices: AdbDeviceLine[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('* ')) continue;
    devices.push(parseDeviceLine(line));
  }
  return devices;
}

function parseDeviceLine(line: string): AdbDeviceLine {
  // Plain `adb devices` separates with a tab; `-l` pads the serial with spaces.
  const match = /^(\S+)\s+(.+)$/.exec(line.trim());
  if (!match) {
    throw new BridgeError(
      BridgeErrorCode.AdbOutputMalformed,
      'adb devices printed a line without a state',
    );
  }
  const serial = match[1] as string;
  const tokens = (match[2] as string).split(/\s+/);
  // Details (key:value) trail the state; the state itself may have spaces ("no permissions (…)").
  const details: Record<string, string> = {};
  while (tokens.length > 1) {
    const detail = DETAIL.exec(tokens[tokens.length - 1] as string);
    if (!detail) break;
    details[detail[1] as string] = detail[2] as string;
    tokens.pop();
  }
  return { serial, state: parseAdbState(tokens.join(' ')), details };
}
