// Watches USB hotplug for Android phones. When the USB library cannot work here (no binding, no
// permission, no USB bus) it says so once and stays quiet: Tandem then relies on adb alone.
import { EventEmitter } from 'node:events';
import type { UsbPhone } from '../types.js';
import { classifyUsbDevice, usbDeviceKey, type RawUsbDevice } from './android-usb.js';
import { loadUsbBackend, type UsbBackend, type UsbBackendFactory } from './usb-backend.js';

export interface UsbWatcherEvents {
  attached: [phone: UsbPhone];
  detached: [phone: UsbPhone];
  /** Emitted once when USB watching is not possible; the reason is for logs and the UI. */
  unavailable: [reason: string];
}

export type UsbWatcherStatus = 'idle' | 'active' | 'unavailable' | 'stopped';

export interface UsbWatcherOptions {
  loadBackend?: UsbBackendFactory;
}

export class UsbWatcher extends EventEmitter<UsbWatcherEvents> {
  private readonly loadBackend: UsbBackendFactory;
  private readonly attached = new Map<string, UsbPhone>();
  private unsubscribe: (() => void) | undefined;
  private state: UsbWatcherStatus = 'idle';
  private reason: string | undefined;

  constructor(options: UsbWatcherOptions = {}) {
    super();
    this.loadBackend = options.loadBackend ?? loadUsbBackend;
  }

  get status(): UsbWatcherStatus {
    return this.state;
  }

  /** Why USB watching is unavailable, when it is. */
  get unavailableReason(): string | undefined {
    return this.reason;
  }

  /** Starts watching and reports the phones already plugged in. Never throws. */
  async start(): Promise<UsbWatcherStatus> {
    if (this.state !== 'idle') return this.state;
    let backend: UsbBackend;
    try {
      backend = await this.loadBackend();
      if (this.isStopped()) return this.state;
      // Subscribe before listing so a phone plugged in between is not missed; keys deduplicate.
      this.unsubscribe = backend.watch({
        attach: (device) => this.onAttach(device),
        detach: (device) => this.onDetach(device),
      });
      const present = await backend.list();
      if (this.isStopped()) return this.state;
      this.state = 'active';
      for (const device of present) this.onAttach(device);
    } catch (error) {
      if (this.isStopped()) return this.state;
      this.unsubscribe?.();
      this.unsubscribe = undefined;
      this.state = 'unavailable';
      this.reason = `USB watching is unavailable (${describe(error)}); relying on adb alone.`;
      this.emit('unavailable', this.reason);
    }
    return this.state;
  }

  phones(): UsbPhone[] {
    return [...this.attached.values()];
  }

  stop(): void {
    this.state = 'stopped';
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.attached.clear();
  }

  private isStopped(): boolean {
    return this.state === 'stopped';
  }

  private onAttach(device: RawUsbDevice): void {
    if (this.isStopped()) return;
    const phone = classifyUsbDevice(device);
    if (!phone || this.attached.has(phone.key)) return;
    this.attached.set(phone.key, phone);
    this.emit('attached', phone);
  }

  private onDetach(device: RawUsbDevice): void {
    const key = usbDeviceKey(device);
    const phone = this.attached.get(key);
    if (!phone) return;
    this.attached.delete(key);
    this.emit('detached', phone);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
