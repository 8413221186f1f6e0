import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { adbStateHint, parseAdbDevicesOutput, parseAdbState, sameAdbState } from './adb-state.js';
import { isBridgeError } from '../errors.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('adb state words map to AdbState, unknown ones kept verbatim', () => {
  for (const word of [
    'device',
    'unauthorized',
    'authorizing',
    'offline',
    'connecting',
    'bootloader',
    'recovery',
    'sideload',
    'host',
  ]) {
    assert.equal(parseAdbState(word), word);
  }
  assert.equal(
    parseAdbState(
      'no permissions (user in plugdev group; are your udev rules wrong?); see [http://developer.android.com/tools/device.html]',
    ),
    'no-permissions',
  );
  assert.equal(parseAdbState('no permissions'), 'no-permissions');
  assert.deepEqual(parseAdbState('rescue'), { unknown: 'rescue' });
  assert.deepEqual(parseAdbState('emulator'), { unknown: 'emulator' });
});

test('sameAdbState compares known and unknown states', () => {
  assert.ok(sameAdbState('device', 'device'));
  assert.ok(!sameAdbState('device', 'offline'));
  assert.ok(sameAdbState({ unknown: 'x' }, { unknown: 'x' }));
  assert.ok(!sameAdbState({ unknown: 'x' }, 'device'));
});

test('every non-device state has an actionable hint', () => {
  assert.equal(adbStateHint('device'), undefined);
  assert.match(adbStateHint('unauthorized') ?? '', /Allow USB debugging on your phone/);
  assert.match(adbStateHint('no-permissions') ?? '', /udev/);
  assert.match(adbStateHint({ unknown: 'rescue' }) ?? '', /rescue/);
});

test('adb devices -l with CRLF: details split off, state with spaces kept whole', () => {
  const devices = parseAdbDevicesOutput(fixture('devices-l-crlf.txt'));
  assert.deepEqual(devices, [
    {
      serial: '0123456789ABCDEF',
      state: 'device',
      details: {
        usb: '1-1',
        product: 'sailfish',
        model: 'Pixel',
        device: 'sailfish',
        transport_id: '1',
      },
    },
    { serial: 'R58M12ABCDE', state: 'unauthorized', details: { usb: '1-2', transport_id: '2' } },
    { serial: '127.0.0.1:40123', state: 'offline', details: { transport_id: '3' } },
    { serial: 'ZY2233XXYY', state: 'no-permissions', details: { usb: '1-3', transport_id: '4' } },
    {
      serial: 'emulator-5554',
      state: 'device',
      details: {
        product: 'sdk_gphone64_x86_64',
        model: 'sdk_gphone64_x86_64',
        device: 'emu64x',
        transport_id: '5',
      },
    },
  ]);
});

test('daemon-start noise before the header is skipped', () => {
  assert.deepEqual(parseAdbDevicesOutput(fixture('devices-empty-daemon-start.txt')), []);
});

test('plain adb devices (tab separated)', () => {
  assert.deepEqual(
    parseAdbDevicesOutput(fixture('devices-plain.txt')).map((d) => [d.serial, d.state]),
    [
      ['0123456789ABCDEF', 'device'],
      ['R58M12ABCDE', 'authorizing'],
      ['192.168.1.20:5555', 'connecting'],
      ['ABC', { unknown: 'rescue' }],
    ],
  );
});

test('output without the header or with a stateless line is malformed', () => {
  assert.throws(
    () => parseAdbDevicesOutput('error: cannot connect to daemon\n'),
    (e) => isBridgeError(e, 'ADB_OUTPUT_MALFORMED'),
  );
  assert.throws(
    () => parseAdbDevicesOutput('List of devices attached\nlonelyserial\n'),
    (e) => isBridgeError(e, 'ADB_OUTPUT_MALFORMED'),
  );
});

test('a malformed device list is not quoted in the message (a serial may be an IMEI)', () => {
  const imei = '490154203237518';
  for (const text of [`${imei}\n`, `List of devices attached\n${imei}\n`]) {
    assert.throws(
      () => parseAdbDevicesOutput(text),
      (e) => isBridgeError(e, 'ADB_OUTPUT_MALFORMED') && !e.message.includes(imei),
    );
  }
});
