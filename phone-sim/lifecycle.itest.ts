// USB debugging authorization, unplug and replug, as the real adb server sees them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startPrivateAdbServer, type PrivateAdbServer } from '../testing/adb-server.js';
import { adbStateOf, connectSim } from '../testing/connect-sim.js';
import { waitFor } from '../testing/wait.js';
import { startPhoneSim } from './index.js';

/** adb's state for `serial` once `accept` holds it (an unlisted phone's state is undefined). */
async function waitForState(
  adb: PrivateAdbServer,
  serial: string,
  accept: (state: string | undefined) => boolean,
): Promise<string | undefined> {
  const seen = await waitFor(
    `adb's state for ${serial} to change`,
    async () => {
      const state = await adbStateOf(adb, serial);
      return accept(state) && { state };
    },
    { timeoutMs: 10_000, intervalMs: 100 },
  );
  return seen.state;
}

describe('phone sim: authorization and cable', () => {
  let adb: PrivateAdbServer;

  before(async () => {
    adb = await startPrivateAdbServer();
  });

  after(async () => {
    await adb.stop();
  });

  it('stays unauthorized until the person allows, then becomes a device', async () => {
    const sim = await startPhoneSim({ profile: 'android-14', unauthorized: true });
    try {
      await connectSim(adb, sim, { expect: 'unauthorized' });
      await assert.rejects(adb.adb(['-s', sim.adbSerial, 'shell', 'echo', 'hi']), /unauthorized/);
      sim.accept();
      assert.equal(await waitForState(adb, sim.adbSerial, (s) => s === 'device'), 'device');
      assert.equal(await adb.adb(['-s', sim.adbSerial, 'shell', 'echo', 'hi']), 'hi\n');
    } finally {
      await sim.close();
    }
  });

  it('is no longer a device once unplugged, and comes back after replug', async () => {
    const sim = await startPhoneSim({ profile: 'tablet' });
    try {
      await connectSim(adb, sim);
      await sim.unplug();
      // adb 29 keeps a lost TCP device listed as `offline` while it retries the connection.
      const gone = await waitForState(adb, sim.adbSerial, (s) => s !== 'device');
      assert.notEqual(gone, 'device');
      await assert.rejects(adb.adb(['-s', sim.adbSerial, 'shell', 'echo', 'hi']));
      await sim.replug();
      await connectSim(adb, sim);
      assert.equal(
        await adb.adb(['-s', sim.adbSerial, 'shell', 'getprop', 'ro.serialno']),
        'R52T30XYZAB\n',
      );
    } finally {
      await sim.close();
    }
  });
});
