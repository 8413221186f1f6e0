import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyUsbDevice, hasAdbInterface, usbDeviceKey } from './android-usb.js';
import {
  fakeUsbDevice,
  lenovoKeyboard,
  pixelWithAdb,
  samsungNoAdb,
  samsungSsd,
  unknownVendorWithAdb,
} from '../../testing/usb-devices.js';

test('a phone with USB debugging on is recognised by its ADB interface', () => {
  assert.deepEqual(classifyUsbDevice(pixelWithAdb()), {
    key: 'usb:1-1:7',
    vendorId: 0x18d1,
    productId: 0x4ee7,
    manufacturerName: 'Google',
    productName: 'Pixel 7',
    serialNumber: '28041FDH2000AB',
    hasAdbInterface: true,
  });
});

test('any vendor with an ff/42/01 interface is a phone', () => {
  assert.equal(classifyUsbDevice(unknownVendorWithAdb())?.hasAdbInterface, true);
  // The subclass and protocol matter: ff/42/03 is fastboot-ish, ff/ff/ff is vendor-specific.
  assert.equal(hasAdbInterface(fakeUsbDevice(0x1234, 1, [[0xff, 0x42, 0x03]])), false);
  assert.equal(classifyUsbDevice(fakeUsbDevice(0x1234, 1, [[0xff, 0xff, 0xff]])), undefined);
});

test('a phone maker with debugging off is a phone without ADB interface', () => {
  const phone = classifyUsbDevice(samsungNoAdb());
  assert.equal(phone?.hasAdbInterface, false);
  assert.equal(phone?.serialNumber, 'R58M12ABCDE');
});

test('every vendor in the table is recognised with MTP only', () => {
  for (const vendor of [
    0x18d1, 0x04e8, 0x2717, 0x12d1, 0x2a70, 0x22d9, 0x2d95, 0x22b8, 0x1004, 0x0fce, 0x0bb4, 0x19d2,
    0x17ef, 0x0b05, 0x2a45,
  ]) {
    assert.ok(
      classifyUsbDevice(fakeUsbDevice(vendor, 1, [[0x06, 0x01, 0x01]])),
      vendor.toString(16),
    );
  }
});

test("a phone maker's SSD, keyboard or hub is not a phone", () => {
  assert.equal(classifyUsbDevice(samsungSsd()), undefined);
  assert.equal(classifyUsbDevice(lenovoKeyboard()), undefined);
  assert.equal(
    classifyUsbDevice(fakeUsbDevice(0x0b05, 1, [[0x09, 0, 0]], { deviceClass: 0x09 })),
    undefined,
  );
});

test('unreadable descriptors fall back to the vendor table', () => {
  const device = pixelWithAdb();
  Object.defineProperty(device, 'configurations', {
    get() {
      throw new Error('LIBUSB_ERROR_NO_DEVICE');
    },
  });
  const phone = classifyUsbDevice(device);
  assert.equal(phone?.hasAdbInterface, false);
  assert.equal(phone?.vendorId, 0x18d1);
});

test('the key is bus and address, or IDs and serial without them', () => {
  assert.equal(usbDeviceKey(pixelWithAdb()), 'usb:1-1:7');
  assert.equal(
    usbDeviceKey({ vendorId: 0x18d1, productId: 0x4ee7, serialNumber: 'S1' }),
    'usb:18d1:4ee7:S1',
  );
});
