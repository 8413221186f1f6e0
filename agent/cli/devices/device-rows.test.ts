import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { listDeviceRows, type ReadPhone } from './device-rows.js';
import { renderDeviceTable } from './render-table.js';
import { commandWords } from '../../../protocol/i18n/cli-command-words.js';
import { createAdbClient, type AdbClient } from '../../../native-bridge/adb/client.js';
import {
  okay,
  silent,
  startFakeAdbServer,
  type FakeAdbServer,
} from '../../../testing/scripted-adb-server.js';
import { BridgeError } from '../../../native-bridge/errors.js';
import type { IdentifiedPhone } from '../../../native-bridge/types.js';
import { testPhone } from '../../../testing/scripted-pairing-ports.js';

const IMEI = '490154203237518';
const phone: IdentifiedPhone = {
  info: { ...testPhone.info, serial: 'X' },
  identity: { kind: 'imei', value: IMEI, masked: '****7518', imeis: [IMEI, '356938035643809'] },
};

let server: FakeAdbServer;
let adbClient: AdbClient;

before(async () => {
  server = await startFakeAdbServer();
  adbClient = createAdbClient({ port: server.port, adbPath: 'adb', startServer: false });
});

after(() => server.close());

/** The client, with the adb server answering `host:devices` with these devices. */
const client = (devices: Array<{ id: string; type: string }>): AdbClient => {
  const listing = devices.map((d) => `${d.id}\t${d.type}\n`).join('');
  server.answer = (service) => (service === 'host:devices' ? okay(listing) : undefined);
  return adbClient;
};

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
  const gone = await startFakeAdbServer();
  await gone.close();
  const refusing = createAdbClient({ port: gone.port, adbPath: 'adb', startServer: false });
  await assert.rejects(listDeviceRows(refusing, reader(), false), {
    code: 'ADB_SERVER_UNREACHABLE',
  });
});

test('an adb server that never answers is ADB_TIMEOUT within the bound', async () => {
  server.answer = silent;
  const started = Date.now();
  await assert.rejects(listDeviceRows(adbClient, reader(), false, { timeoutMs: 200 }), {
    code: 'ADB_TIMEOUT',
  });
  const took = Date.now() - started;
  assert.ok(took >= 150 && took < 2_000, `took ${took} ms`);
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

test('the table in Chinese: headings, states and advice in its words, columns aligned by width', async () => {
  const rows = await listDeviceRows(client(adbList), reader('STUCK'), false);
  const lines = renderDeviceTable(rows, commandWords.zhCN.devices).split('\n');
  assert.match(lines[0] ?? '', /^序列号\s+状态\s+手机\s+安卓\s+身份$/);
  assert.match(lines[1] ?? '', /^READY\s+就绪\s+Google Pixel 8/);
  // 序列号 takes six columns: the state column starts at the same column in both lines.
  assert.equal((lines[0] ?? '').indexOf('状态') + 3, lines[1]?.indexOf('就绪'));
  assert.ok(lines.includes('ASKING: 请允许 USB 调试：解锁手机，在弹出的提示中点按“允许”。'));
  assert.ok(
    lines.some((l) => l.startsWith('STUCK: 无法读取这部手机') && l.includes('IDENTITY_TIMEOUT')),
  );
  assert.match(renderDeviceTable([], commandWords.zhCN.devices), /^没有连接手机。/);
});

test('no phones: how to plug one in', () => {
  assert.match(renderDeviceTable([]), /^No phones attached\. .*USB debugging/);
});
