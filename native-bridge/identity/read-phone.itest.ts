// Reads the identity of every simulated phone profile through a real private adb server and adbkit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { luhnComplete, type PhoneSimOptions } from '../../testing/simulated-phone.js';
import { useSimRig } from '../../testing/sim-rig.js';
import { BridgeErrorCode, isBridgeError } from '../errors.js';
import type { IdentifiedPhone } from '../types.js';
import { readPhoneIdentity } from './read-phone.js';

const rig = useSimRig();

async function read(options: PhoneSimOptions): Promise<IdentifiedPhone> {
  return readPhoneIdentity(rig.client, (await rig.plugIn(options)).adbSerial);
}

// IMEIs chosen here (not the profiles' defaults), so each assertion proves the value travelled.
const imei = (body: string): string => luhnComplete(body);

for (const [profile, body] of [
  ['android-4.4', '35874105111111'],
  ['android-9', '35874105222222'],
  ['android-10', '35874105333333'],
  ['android-14', '35874105444444'],
] as const) {
  test(`${profile}: the IMEI set on the phone`, async () => {
    const value = imei(body);
    const { identity, info } = await read({ profile, imei: value, model: `Model ${profile}` });
    assert.deepEqual(identity, {
      kind: 'imei',
      value,
      masked: `****${value.slice(-4)}`,
      imeis: [value],
    });
    assert.equal(info.model, `Model ${profile}`);
  });
}

test('android-12-dual: both IMEIs, slot 0 primary', async () => {
  const [first, second] = [imei('86753090000001'), imei('86753090000002')];
  const { identity, info } = await read({ profile: 'android-12-dual', imei: first, imei2: second });
  assert.deepEqual(identity, {
    kind: 'imei',
    value: first,
    masked: `****${first.slice(-4)}`,
    imeis: [first, second],
  });
  assert.equal(info.sdk, 31);
});

test('vendor-props: the IMEI from ro.ril.miui.imei0 when every service call is refused', async () => {
  const value = imei('86839300000007');
  const { identity } = await read({ profile: 'vendor-props', imei: value });
  assert.equal(identity.kind, 'imei');
  assert.equal(identity.value, value);
});

test('tablet: no telephony, the hardware serial', async () => {
  const { identity } = await read({ profile: 'tablet', serial: 'R52TEST12345' });
  assert.deepEqual(identity, { kind: 'serial', value: 'R52TEST12345', masked: '****2345' });
});

test('locked: IMEI refused, serial unknown, android_id', async () => {
  const { identity, info } = await read({ profile: 'locked', androidId: 'c0ffee0123456789' });
  assert.deepEqual(identity, { kind: 'android_id', value: 'c0ffee0123456789', masked: '****6789' });
  assert.equal(info.serial, '');
});

test('an invalid IMEI on the phone is not used: the serial is', async () => {
  const valid = imei('35874105555555');
  const badCheckDigit = valid.slice(0, 14) + String((Number(valid.at(-1)) + 1) % 10);
  const { identity } = await read({
    profile: 'android-14',
    imei: badCheckDigit,
    serial: 'SER1AL99',
  });
  assert.deepEqual(identity, { kind: 'serial', value: 'SER1AL99', masked: '****AL99' });
});

for (const unplugAfterMs of [300, 1_100]) {
  test(`unplugged ${unplugAfterMs} ms into a slow read: DeviceGone within the bound`, async () => {
    const sim = await rig.plugIn({ profile: 'android-12-dual' });
    sim.setReplyDelay(800);
    const started = Date.now();
    const reading = readPhoneIdentity(rig.client, sim.adbSerial);
    setTimeout(() => void sim.unplug(), unplugAfterMs);
    await assert.rejects(reading, (error: unknown) => {
      assert.ok(isBridgeError(error, BridgeErrorCode.DeviceGone), String(error));
      return true;
    });
    // Generous for a loaded 2-core machine; a hang or a retry loop would blow far past it.
    assert.ok(Date.now() - started < 3_000 + 1_000, `took ${Date.now() - started} ms`);
  });
}
