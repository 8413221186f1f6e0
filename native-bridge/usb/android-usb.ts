// Recognises an Android phone among USB devices: by its ADB interface, or by a phone maker's vendor ID
// (a phone with USB debugging off shows no ADB interface, and we still want to say "turn it on").
import type { UsbPhone } from '../types.js';

/** The subset of a WebUSB device (usb v3) that classification reads. */
export interface RawUsbDevice {
  vendorId: number;
  productId: number;
  deviceClass?: number;
  manufacturerName?: string | null;
  productName?: string | null;
  serialNumber?: string | null;
  /** usb v3 extensions: bus name ("1-1") and address, stable while the device stays plugged in. */
  bus?: string;
  address?: number;
  configurations?: ReadonlyArray<{
    interfaces: ReadonlyArray<{
      alternates: ReadonlyArray<{
        interfaceClass: number;
        interfaceSubclass: number;
        interfaceProtocol: number;
      }>;
    }>;
  }>;
}

/** USB vendor IDs of Android phone makers. Oppo and Realme share 0x22d9. */
export const PHONE_VENDORS: ReadonlyMap<number, string> = new Map([
  [0x18d1, 'Google'],
  [0x04e8, 'Samsung'],
  [0x2717, 'Xiaomi'],
  [0x12d1, 'Huawei'],
  [0x339b, 'Honor'],
  [0x2a70, 'OnePlus'],
  [0x22d9, 'Oppo/Realme'],
  [0x2d95, 'Vivo'],
  [0x22b8, 'Motorola'],
  [0x1004, 'LG'],
  [0x0fce, 'Sony'],
  [0x0bb4, 'HTC'],
  [0x19d2, 'ZTE'],
  [0x17ef, 'Lenovo'],
  [0x0b05, 'Asus'],
  [0x2a45, 'Meizu'],
  [0x2e04, 'HMD/Nokia'],
  [0x1bbb, 'TCL/Alcatel'],
  [0x2ae5, 'Fairphone'],
  [0x04dd, 'Sharp'],
  [0x0482, 'Kyocera'],
]);

const ADB_INTERFACE = { cls: 0xff, subclass: 0x42, protocol: 0x01 };

// Classes a phone never exposes alone: a Samsung SSD or a Lenovo keyboard share a phone maker's ID.
const NON_PHONE_CLASSES: ReadonlySet<number> = new Set([
  0x01, // audio
  0x03, // HID
  0x07, // printer
  0x08, // mass storage
  0x09, // hub
  0x0b, // smart card
  0x0e, // video
]);

function interfaceClasses(device: RawUsbDevice): Array<[number, number, number]> {
  try {
    return (device.configurations ?? []).flatMap((config) =>
      config.interfaces.flatMap((iface) =>
        iface.alternates.map((alt): [number, number, number] => [
          alt.interfaceClass,
          alt.interfaceSubclass,
          alt.interfaceProtocol,
        ]),
      ),
    );
  } catch {
    // Descriptors can be unreadable (device gone mid-read, permissions): classify by IDs only.
    return [];
  }
}

export function hasAdbInterface(device: RawUsbDevice): boolean {
  return interfaceClasses(device).some(
    ([cls, sub, proto]) =>
      cls === ADB_INTERFACE.cls &&
      sub === ADB_INTERFACE.subclass &&
      proto === ADB_INTERFACE.protocol,
  );
}

/** A UsbPhone when the device looks like an Android phone, otherwise undefined. */
export function classifyUsbDevice(device: RawUsbDevice): UsbPhone | undefined {
  const adb = hasAdbInterface(device);
  if (!adb && !looksLikeVendorPhone(device)) return undefined;
  const phone: UsbPhone = {
    key: usbDeviceKey(device),
    vendorId: device.vendorId,
    productId: device.productId,
    hasAdbInterface: adb,
  };
  if (device.manufacturerName) phone.manufacturerName = device.manufacturerName;
  if (device.productName) phone.productName = device.productName;
  if (device.serialNumber) phone.serialNumber = device.serialNumber;
  return phone;
}

function looksLikeVendorPhone(device: RawUsbDevice): boolean {
  if (!PHONE_VENDORS.has(device.vendorId)) return false;
  if (device.deviceClass === 0x09) return false;
  const classes = interfaceClasses(device);
  return classes.length === 0 || !classes.every(([cls]) => NON_PHONE_CLASSES.has(cls));
}

/** Bus and address identify a plugged device; vendor/product/serial when usb gives no address. */
export function usbDeviceKey(device: RawUsbDevice): string {
  if (device.bus !== undefined && device.address !== undefined) {
    return `usb:${device.bus}:${device.address}`;
  }
  const hex = (n: number) => n.toString(16).padStart(4, '0');
  return `usb:${hex(device.vendorId)}:${hex(device.productId)}:${device.serialNumber ?? ''}`;
}
