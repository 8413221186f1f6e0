// The vocabulary native-bridge speaks to the rest of Tandem: phones, their ADB states and identities
// (the identity itself is protocol/identity.ts's).
import type { PhoneIdentity } from '../protocol/identity.js';

/** ADB connection states as adb reports them; anything unknown is kept verbatim. */
export type KnownAdbState =
  | 'device'
  | 'unauthorized'
  | 'authorizing'
  | 'offline'
  | 'connecting'
  | 'no-permissions'
  | 'bootloader'
  | 'recovery'
  | 'sideload'
  | 'host';

export type AdbState = KnownAdbState | { unknown: string };

/** What one `getprop` call tells about the phone. */
export interface PhoneInfo {
  model: string;
  manufacturer: string;
  brand: string;
  /** Android release, e.g. "14". */
  release: string;
  /** SDK level, e.g. 34; 0 when the phone did not say. */
  sdk: number;
  /** Hardware serial (ro.serialno / ro.boot.serialno), may be empty. */
  serial: string;
}

export interface IdentifiedPhone {
  info: PhoneInfo;
  identity: PhoneIdentity;
}

/** A USB device that looks like an Android phone (by ADB interface or known vendor ID). */
export interface UsbPhone {
  /** Stable key for this USB device while attached (bus/address based). */
  key: string;
  vendorId: number;
  productId: number;
  manufacturerName?: string;
  productName?: string;
  serialNumber?: string;
  /** True when an interface 0xff/0x42/0x01 (ADB) is present: USB debugging is on. */
  hasAdbInterface: boolean;
}

/** Events of the phone watcher (USB hotplug combined with adb device tracking). */
export type PhoneEvent =
  | { type: 'usb-attached'; usb: UsbPhone }
  | { type: 'usb-detached'; usb: UsbPhone }
  /** A phone on USB with no ADB device for it: USB debugging is off (or the cable is charge-only). */
  | { type: 'usb-no-adb'; usb: UsbPhone }
  | { type: 'attached'; serial: string; state: AdbState }
  | { type: 'state'; serial: string; state: AdbState; previous: AdbState }
  | { type: 'detached'; serial: string }
  | { type: 'adb-server-lost'; error: string; retryInMs: number }
  | { type: 'adb-server-recovered'; serials: string[] };

export function adbStateText(state: AdbState): string {
  return typeof state === 'string' ? state : state.unknown;
}
