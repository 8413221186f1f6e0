// A test file's private adb server and the simulated phones on it: the adb server starts in a
// `before` hook, and after the file's tests everything stops (the test's own clean-ups first, then
// every phone, then adb). Node 20 starts a file's top-level `before` hooks together, without
// waiting for one to end: what the test starts on top of the rig goes in `setUp`, never in a
// `before` of its own.
import { after, before } from 'node:test';
import { createAdbClient, type AdbClient } from '../native-bridge/adb/client.js';
import { startPrivateAdbServer, type PrivateAdbServer } from './adb-server.js';
import { connectSim, type ConnectSimOptions } from './connect-sim.js';
import { startPhoneSim, type PhoneSim, type PhoneSimOptions } from './simulated-phone.js';

export interface SimRig {
  /** The private adb server (never 5037); there once `before` has run. */
  readonly adb: PrivateAdbServer;
  /** An adbkit client of that server that never starts a server of its own. */
  readonly client: AdbClient;
  /** Starts a simulated phone on a free port, not yet attached; closed after the file. */
  startSim(options?: PhoneSimOptions): Promise<PhoneSim>;
  /** Starts a simulated phone and attaches it to the adb server (`adb connect`). */
  plugIn(options?: PhoneSimOptions, connect?: ConnectSimOptions): Promise<PhoneSim>;
  /** Runs after the file's tests, before the phones and adb stop, in the order registered. */
  onStop(cleanup: () => Promise<void> | void): void;
}

/** `setUp` runs once the adb server is up, still inside the rig's `before`. */
export function useSimRig(setUp?: (rig: SimRig) => Promise<void> | void): SimRig {
  let adb: PrivateAdbServer | undefined;
  let client: AdbClient | undefined;
  const sims: PhoneSim[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`the sim rig's ${what} is there only once before() ran`);
    return value;
  };

  before(async () => {
    adb = await startPrivateAdbServer();
    client = createAdbClient({ port: adb.port, adbPath: adb.adbPath, startServer: false });
    await setUp?.(rig);
  });

  after(async () => {
    for (const cleanup of cleanups) await cleanup();
    for (const sim of sims) await sim.close();
    await adb?.stop();
  });

  const rig: SimRig = {
    get adb() {
      return started(adb, 'adb server');
    },
    get client() {
      return started(client, 'adb client');
    },
    async startSim(options = {}) {
      const sim = await startPhoneSim({ port: 0, ...options });
      sims.push(sim);
      return sim;
    },
    async plugIn(options = {}, connect = {}) {
      const sim = await rig.startSim(options);
      await connectSim(rig.adb, sim, connect);
      return sim;
    },
    onStop(cleanup) {
      cleanups.push(cleanup);
    },
  };
  return rig;
}
