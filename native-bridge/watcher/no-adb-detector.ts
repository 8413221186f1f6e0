// Decides when a phone on USB has no adb device: at once when it shows no ADB interface, otherwise
// when no matching adb device appears within a grace period. Either way, USB debugging is off.
import type { UsbPhone } from '../types.js';
import type { Timers } from './timers.js';

export interface NoAdbDetectorOptions {
  graceMs: number;
  timers: Timers;
  /** Serials adb knows right now. */
  adbSerials: () => Iterable<string>;
  /** False while the adb server is away: nothing can be concluded then, so the wait restarts. */
  adbUp: () => boolean;
  onNoAdb: (usb: UsbPhone) => void;
}

export class NoAdbDetector {
  private readonly pending = new Map<string, { usb: UsbPhone; timer: unknown }>();

  constructor(private readonly options: NoAdbDetectorOptions) {}

  usbAttached(usb: UsbPhone): void {
    if (!usb.hasAdbInterface) return this.options.onNoAdb(usb);
    if (this.matched(usb)) return;
    this.arm(usb);
  }

  usbDetached(key: string): void {
    const entry = this.pending.get(key);
    if (entry) this.options.timers.clearTimeout(entry.timer);
    this.pending.delete(key);
  }

  /** An adb device appeared: the USB phone it belongs to needs no warning. */
  adbAttached(serial: string): void {
    const waiting = [...this.pending.values()];
    // Same serial on USB and adb; else, for a phone whose USB serial is unreadable, the first one.
    const entry =
      waiting.find((e) => e.usb.serialNumber === serial) ??
      (isUsbSerial(serial) ? waiting.find((e) => !e.usb.serialNumber) : undefined);
    if (entry) this.usbDetached(entry.usb.key);
  }

  stop(): void {
    for (const key of [...this.pending.keys()]) this.usbDetached(key);
  }

  private arm(usb: UsbPhone): void {
    const timer = this.options.timers.setTimeout(() => {
      this.pending.delete(usb.key);
      if (this.matched(usb)) return;
      if (!this.options.adbUp()) return this.arm(usb);
      this.options.onNoAdb(usb);
    }, this.options.graceMs);
    this.pending.set(usb.key, { usb, timer });
  }

  private matched(usb: UsbPhone): boolean {
    const serials = [...this.options.adbSerials()];
    if (usb.serialNumber) return serials.includes(usb.serialNumber);
    // Without a USB serial we cannot tell which adb device is which; any USB adb device will do.
    return serials.some(isUsbSerial);
  }
}

/** adb names network devices host:port and emulators emulator-N; the rest came over USB. */
function isUsbSerial(serial: string): boolean {
  return !serial.includes(':') && !serial.startsWith('emulator-');
}
