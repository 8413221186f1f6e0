// The set-up the agent's process tests share: a temporary folder, a private adb server, one
// simulated phone (android-14, not yet attached) and at most one `tandem agent` process at a time.
// After the file's tests: the agent, the test's own clean-ups, the phone, adb, then the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { startAgentProcess, type AgentProcess } from './agent-process.js';
import { connectSim } from './connect-sim.js';
import { luhnComplete, type PhoneSim, type PhoneSimOptions } from './simulated-phone.js';
import { useSimRig, type SimRig } from './sim-rig.js';

type AgentOptions = Omit<Parameters<typeof startAgentProcess>[0], 'adbPort'>;

export interface AgentRig extends SimRig {
  /** The temporary folder, removed after the file. */
  readonly root: string;
  /** The agent's data folder, `<root>/agent`. */
  readonly dataDir: string;
  /** The phone's IMEI (Luhn-complete). */
  readonly imei: string;
  /** The one simulated phone; there once `before` has run. */
  readonly sim: PhoneSim;
  /** The running agent, if any. */
  readonly agent: AgentProcess | undefined;
  /** Starts `tandem agent` on the private adb server (in `dataDir` unless given another). */
  startAgent(options?: Partial<AgentOptions>): Promise<AgentProcess>;
  stopAgent(): Promise<void>;
  /** Attaches the phone to adb (`adb connect`). */
  connectPhone(): Promise<void>;
}

export interface AgentRigOptions {
  /** The phone's profile and identity beyond the IMEI (default: android-14). */
  phone?: PhoneSimOptions;
  /** Runs once adb and the phone are up, inside the rig's `before` (see testing/sim-rig.ts). */
  setUp?: (rig: AgentRig) => Promise<void> | void;
}

/** `folderPrefix` names the temp folder; `imei14` is the phone's IMEI without its Luhn digit. */
export function useAgentRig(
  folderPrefix: string,
  imei14: string,
  options: AgentRigOptions = {},
): AgentRig {
  const sims = useSimRig(async () => {
    sim = await sims.startSim({ profile: 'android-14', imei, ...options.phone });
    await options.setUp?.(rig);
  });
  const root = mkdtempSync(join(tmpdir(), folderPrefix));
  const dataDir = join(root, 'agent');
  const imei = luhnComplete(imei14);
  let sim: PhoneSim | undefined;
  let agent: AgentProcess | undefined;

  sims.onStop(() => agent?.stop());
  // Registered after the sim rig's own hook, so it runs last: once nothing writes to the folder.
  after(() => rmSync(root, { recursive: true, force: true }));

  const rig: AgentRig = {
    startSim: (phone) => sims.startSim(phone),
    plugIn: (phone, connect) => sims.plugIn(phone, connect),
    onStop: (cleanup) => sims.onStop(cleanup),
    get adb() {
      return sims.adb;
    },
    get client() {
      return sims.client;
    },
    root,
    dataDir,
    imei,
    get sim() {
      if (!sim) throw new Error("the agent rig's phone is there only once before() ran");
      return sim;
    },
    get agent() {
      return agent;
    },
    async startAgent(agentOptions = {}) {
      agent = await startAgentProcess({ dataDir, ...agentOptions, adbPort: sims.adb.port });
      return agent;
    },
    async stopAgent() {
      await agent?.stop();
      agent = undefined;
    },
    connectPhone: () => connectSim(sims.adb, rig.sim),
  };
  return rig;
}
