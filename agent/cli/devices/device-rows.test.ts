import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listDeviceRows, type ReadPhone } from './device-rows.js';
import { renderDeviceTable } from './render-table.js';
import type { AdbClient } from '../../../native-bridge/adb/client.js';
import { BridgeError } from '../../../native-bridge/errors.js';
import type { IdentifiedPhone } from '../../../native-bridge/types.js';

const IMEI = '490154203237518';
const phone: IdentifiedPhone = {
  info: {
    model: 'Pixel 8',
    manufacturer: 'Google',
    brand: 'google',
    release: '14',
    sdk: 34,
    serial: 'X',
  },
  identity: { kind: 'imei', value: IMEI, masked: '****7518', imeis: [IMEI, '356938035643809'] },
};

const client = (devices: Array<{ id: string; type: string }>) =>
  ({ listDevices: async () => devices }) as unknown as AdbClient;

const reader =
  (failFor?: string): ReadPhone =>
  async (_client, serial) => {
    if (serial === failFor) throw new BridgeError('IDENTITY_TIMEOUT', 'reading took over 3000 ms');
    return phone;
  };

const adbList = [
  { id: 'READY', type: 'device' },
  { id: 'ASKING', type: 'unauthorized' },
  { id: 'STUCK', type: 'device' },
  { id: 'UDEV', type: 'no permissions (user in plugdev group; are your udev rules wrong?)' },
];

test('ready phones are read, others get a hint and no identity; masked unless revealed', async () => {
  const rows = await listDeviceRows(client(adbList), reader('STUCK'), false);
  assert.deepEqual(rows[0], {
    serial: 'READY',
    state: 'device',
    model: 'Pixel 8',
    manufacturer: 'Google',
    release: '14',
    sdk: 34,
    identity: { kind: 'imei', masked: '****7518' },
  });
  assert.equal(rows[1]?.identity, null);
  assert.match(rows[1]?.hint ?? '', /Allow USB debugging on your phone/);
  assert.deepEqual(rows[2]?.error, {
    code: 'IDENTITY_TIMEOUT',
    message: 'reading took over 3000 ms',
  });
  assert.equal(rows[3]?.state, 'no-permissions');
  assert.match(rows[3]?.hint ?? '', /udev/);
  assert.ok(!JSON.stringify(rows).includes(IMEI));
});

test('--reveal adds the value and the IMEIs', async () => {
  const [row] = await listDeviceRows(client([{ id: 'READY', type: 'device' }]), reader(), true);
  assert.deepEqual(row?.identity, {
    kind: 'imei',
    masked: '****7518',
    value: IMEI,
    imeis: [IMEI, '356938035643809'],
  });
});

test('an unreachable adb server is ADB_SERVER_UNREACHABLE', async () => {
  const refusing = {
    listDevices: async () => {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5037'), {
        code: 'ECONNREFUSED',
      });
    },
  } as unknown as AdbClient;
  await assert.rejects(listDeviceRows(refusing, reader(), false), {
    code: 'ADB_SERVER_UNREACHABLE',
  });
});

test('the table aligns columns and lists advice under it', async () => {
  const rows = await listDeviceRows(client(adbList), reader('STUCK'), false);
  const lines = renderDeviceTable(rows).split('\n');
  assert.match(lines[0] ?? '', /^SERIAL\s+STATE\s+PHONE\s+ANDROID\s+IDENTITY$/);
  assert.match(
    lines[1] ?? '',
    /^READY\s+device\s+Google Pixel 8\s+14 \(SDK 34\)\s+imei \*\*\*\*7518$/,
  );
  assert.equal(lines[0]?.indexOf('STATE'), lines[1]?.indexOf('device'));
  assert.ok(
    lines.includes(
      'ASKING: Allow USB debugging on your phone (unlock it and tap "Allow" on the prompt).',
    ),
  );
  assert.ok(
    lines.some(
      (l) => l.startsWith('STUCK: could not read the phone') && l.endsWith('[IDENTITY_TIMEOUT]'),
    ),
  );
});

test('no phones: how to plug one in', () => {
  assert.match(renderDeviceTable([]), /^No phones attached\. .*USB debugging/);
});
