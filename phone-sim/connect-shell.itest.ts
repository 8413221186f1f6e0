// The real adb server and the real adbkit attach to the sim and run shell commands on it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import adbkit from '@devicefarmer/adbkit';
import { startPrivateAdbServer, type PrivateAdbServer } from '../testing/adb-server.js';
import { adbStateOf, connectSim } from '../testing/connect-sim.js';
import { startPhoneSim, type PhoneSim } from './index.js';

describe('phone sim: connect and shell through the real adb', () => {
  let adb: PrivateAdbServer;
  let sim: PhoneSim;

  before(async () => {
    adb = await startPrivateAdbServer();
    sim = await startPhoneSim({ profile: 'android-9', model: 'Sim Phone 9' });
    await connectSim(adb, sim);
  });

  after(async () => {
    await adb.stop();
    await sim.close();
  });

  it('answers getprop through the adb CLI', async () => {
    const model = await adb.adb(['-s', sim.adbSerial, 'shell', 'getprop', 'ro.product.model']);
    assert.equal(model, 'Sim Phone 9\n');
  });

  it('answers service call iphonesubinfo with the IMEI parcel', async () => {
    const out = await adb.adb(['-s', sim.adbSerial, 'shell', 'service call iphonesubinfo 1']);
    assert.match(out, /^Result: Parcel\(\n {2}0x00000000: 00000000 0000000f /);
  });

  it('serves adbkit: properties and a shell stream', async () => {
    const client = adbkit.Adb.createClient({ port: adb.port });
    const device = client.getDevice(sim.adbSerial);
    const props = await device.getProperties();
    assert.equal(props['ro.build.version.sdk'], '28');
    assert.equal(props['ro.product.model'], 'Sim Phone 9');
    const stream = await device.shell(['echo', 'a b', "it's"]);
    const text = (await adbkit.Adb.util.readAll(stream)).toString();
    assert.equal(text, "a b it's\n");
  });

  it('runs many shell streams at once', async () => {
    const client = adbkit.Adb.createClient({ port: adb.port });
    const device = client.getDevice(sim.adbSerial);
    const outputs = await Promise.all(
      Array.from({ length: 20 }, async (_, i) =>
        (await adbkit.Adb.util.readAll(await device.shell(`echo ${i}`))).toString(),
      ),
    );
    assert.deepEqual(
      outputs,
      Array.from({ length: 20 }, (_, i) => `${i}\n`),
    );
  });

  it('captures an am start URL intact through the adb CLI (which joins argv with spaces)', async () => {
    const url = `https://x.test/s?a=1&b=two words;c=3#k="v" 'q' $HOME`;
    const quoted = `'${url.replace(/'/g, `'\\''`)}'`;
    const seen = new Promise((resolve) => sim.on('am-start', resolve));
    const logs: string[] = [];
    const onLog = (line: string): void => void logs.push(line);
    sim.on('log', onLog);
    const out = await adb.adb([
      ...['-s', sim.adbSerial, 'shell', 'am', 'start'],
      ...['-a', 'android.intent.action.VIEW', '-d', quoted],
    ]);
    assert.equal(out, `Starting: Intent { act=android.intent.action.VIEW dat=${url} }\n`);
    assert.deepEqual(await seen, {
      action: 'android.intent.action.VIEW',
      data: url,
      argv: ['am', 'start', '-a', 'android.intent.action.VIEW', '-d', url],
    });
    assert.equal(sim.intents.at(-1)?.data, url);
    sim.off('log', onLog);
    // What `tandem phone-sim` prints on stderr for it: the action and the URL as received.
    assert.deepEqual(
      logs.filter((line) => line.startsWith('am start:')),
      [`am start: action=android.intent.action.VIEW data=${url}`],
    );
  });

  it("serves adbkit's startActivity with extras", async () => {
    const device = adbkit.Adb.createClient({ port: adb.port }).getDevice(sim.adbSerial);
    const url = "http://localhost:8080/s/abc?x=1&y='2'#key";
    const started = await device.startActivity({
      action: 'android.intent.action.VIEW',
      data: url,
      extras: [
        { key: 'from', type: 'string', value: 'tandem' },
        { key: 'empty', type: 'null' },
      ],
      wait: true,
    });
    assert.equal(started, true);
    assert.deepEqual(
      { action: sim.intents.at(-1)?.action, data: sim.intents.at(-1)?.data },
      { action: 'android.intent.action.VIEW', data: url },
    );
  });

  it('delays replies by the current reply delay', async () => {
    sim.setReplyDelay(300);
    const started = Date.now();
    const out = await adb.adb(['-s', sim.adbSerial, 'shell', 'echo', 'slow']);
    sim.setReplyDelay(0);
    assert.equal(out, 'slow\n');
    // A lower bound only (timers may round a few ms early): a reply that ignores the delay fails.
    assert.ok(Date.now() - started >= 250, 'the reply came before the delay');
  });

  it('ends lines with CRLF on a pre-Nougat phone, as its pty shell did', async () => {
    const kitkat = await startPhoneSim({ profile: 'android-4.4' });
    try {
      await connectSim(adb, kitkat);
      const out = await adb.adb(['-s', kitkat.adbSerial, 'shell', 'dumpsys iphonesubinfo']);
      assert.match(
        out,
        /^Phone Subscriber Info:\r\n {2}Phone Type = GSM\r\n {2}Device ID = \d{15}\r\n$/,
      );
    } finally {
      await kitkat.close();
    }
  });

  it('is listed as a device with its model', async () => {
    assert.equal(await adbStateOf(adb, sim.adbSerial), 'device');
    const listing = await adb.adb(['devices', '-l']);
    assert.match(listing, new RegExp(`${sim.adbSerial}\\s+device .*model:Sim_Phone_9`));
  });
});
