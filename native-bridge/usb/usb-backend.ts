// The real USB backend: the `usb` package (v3, WebUSB-style), imported only when first needed so that
// a missing native binding costs nothing until then and can be reported instead of crashing.
import type { RawUsbDevice } from './android-usb.js';

export interface UsbHotplugHandlers {
  attach(device: RawUsbDevice): void;
  detach(device: RawUsbDevice): void;
}

/** What the USB watcher needs from a USB library; tests inject fakes. */
export interface UsbBackend {
  list(): Promise<RawUsbDevice[]>;
  /** Subscribes to hotplug events; returns the unsubscribe function. */
  watch(handlers: UsbHotplugHandlers): () => void;
}

export type UsbBackendFactory = () => Promise<UsbBackend>;

interface ConnectionEventLike {
  device: RawUsbDevice;
}

export const loadUsbBackend: UsbBackendFactory = async () => {
  const { usb } = await import('usb');
  // Probe first: usb's own listener setup reports failures (no /sys/bus/usb, no permission) by
  // throwing from a timer, which nothing could catch. A failing probe here is a clean rejection.
  await usb.getDevices();
  return {
    list: async () => (await usb.getDevices()) as unknown as RawUsbDevice[],
    watch(handlers) {
      const onConnect = (event: ConnectionEventLike) => handlers.attach(event.device);
      const onDisconnect = (event: ConnectionEventLike) => handlers.detach(event.device);
      const target = usb as unknown as {
        addEventListener(type: string, listener: (event: ConnectionEventLike) => void): void;
        removeEventListener(type: string, listener: (event: ConnectionEventLike) => void): void;
      };
      target.addEventListener('connect', onConnect);
      target.addEventListener('disconnect', onDisconnect);
      return () => {
        target.removeEventListener('connect', onConnect);
        target.removeEventListener('disconnect', onDisconnect);
      };
    },
  };
};
