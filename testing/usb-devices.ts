// Descriptor-shaped fake USB devices for the USB unit tests (no USB bus exists on build machines).
import type { RawUsbDevice } from '../native-bridge/usb/android-usb.js';

type Triple = [number, number, number];

export function fakeUsbDevice(
  vendorId: number,
  productId: number,
  interfaces: Triple[],
  extra: Partial<RawUsbDevice> = {},
): RawUsbDevice {
  return {
    vendorId,
    productId,
    deviceClass: 0,
    bus: '1-1',
    address: 7,
    configurations: [
      {
        interfaces: interfaces.map(([interfaceClass, interfaceSubclass, interfaceProtocol]) => ({
          alternates: [{ interfaceClass, interfaceSubclass, interfaceProtocol }],
        })),
      },
    ],
    ...extra,
  };
}

const MTP: Triple = [0x06, 0x01, 0x01];
const ADB: Triple = [0xff, 0x42, 0x01];

/** A Pixel in file-transfer mode with USB debugging on. */
export const pixelWithAdb = (extra: Partial<RawUsbDevice> = {}) =>
  fakeUsbDevice(0x18d1, 0x4ee7, [MTP, ADB], {
    manufacturerName: 'Google',
    productName: 'Pixel 7',
    serialNumber: '28041FDH2000AB',
    ...extra,
  });

/** A Samsung phone with USB debugging off: MTP only. */
export const samsungNoAdb = (extra: Partial<RawUsbDevice> = {}) =>
  fakeUsbDevice(0x04e8, 0x6860, [MTP], { serialNumber: 'R58M12ABCDE', address: 9, ...extra });

/** A Samsung T7 SSD: same vendor, mass storage only. */
export const samsungSsd = () =>
  fakeUsbDevice(0x04e8, 0x4001, [[0x08, 0x06, 0x50]], { address: 11 });

/** A board from an unknown maker that exposes an ADB interface (a dev board running Android). */
export const unknownVendorWithAdb = () => fakeUsbDevice(0x1234, 0x0001, [ADB], { address: 12 });

/** A Lenovo keyboard. */
export const lenovoKeyboard = () =>
  fakeUsbDevice(0x17ef, 0x6047, [[0x03, 0x01, 0x01]], { address: 13 });
