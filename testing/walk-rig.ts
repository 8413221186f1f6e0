// Everything the end-to-end walk needs, started together and stopped in reverse: fixture pages on
// loopback, a private adb server, a simulated phone, the phone's browser (Chromium reaching the agent
// only over the sim's adb reverse) and the agent in this process with a headless PC browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { after, before } from 'node:test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixtureSite, type FixtureSite } from './fixture-site.js';
import { startAgent, type RunningAgent } from '../agent/runtime/start-agent.js';
import type { AgentOptions } from '../agent/runtime/agent-options.js';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from './adb-server.js';
import { startPhoneBrowser, type PhoneBrowser } from './phone-browser.js';

export interface WalkRig {
  dataDir: string;
  /** Where the agent saves files from the phone: $TANDEM_INBOX_DIR, set to a temporary folder. */
  inboxDir: string;
  site: FixtureSite;
  adb: PrivateAdbServer;
  sim: PhoneSim;
  phone: PhoneBrowser;
  agent: RunningAgent;
  stop(): Promise<void>;
}

/** More agent settings a test needs (an inbox file opener that launches nothing, say). */
export type WalkAgentOptions = Partial<Omit<AgentOptions, 'dataDir'>>;

/** `imei14`: the first 14 digits of the sim's IMEI (the Luhn digit is added). */
export async function startWalkRig(
  imei14: string,
  agentOptions: WalkAgentOptions = {},
  rigOptions: { phoneLocale?: string } = {},
): Promise<WalkRig> {
  process.env.TANDEM_LOG_LEVEL ??= 'warn';
  const dataDir = mkdtempSync(join(tmpdir(), 'tandem-walk-'));
  // Files from the phone go to the inbox folder (Downloads/Tandem by default): never the tester's.
  const ownInbox = process.env.TANDEM_INBOX_DIR === undefined;
  const inboxDir =
    process.env.TANDEM_INBOX_DIR ?? mkdtempSync(join(tmpdir(), 'tandem-walk-inbox-'));
  process.env.TANDEM_INBOX_DIR = inboxDir;
  const site = await startFixtureSite();
  const adb = await startPrivateAdbServer();
  const sim = await startPhoneSim({ profile: 'android-14', imei: luhnComplete(imei14) });
  const phone = await startPhoneBrowser(sim, '127.0.0.2', rigOptions.phoneLocale);
  const agent = await startAgent({
    dataDir,
    adbPort: adb.port,
    usb: false,
    startAdbServer: false,
    browser: 'headless',
    ...agentOptions,
  });
  return {
    dataDir,
    inboxDir,
    site,
    adb,
    sim,
    phone,
    agent,
    async stop() {
      await agent.stop();
      await phone.close();
      await sim.close();
      await adb.stop();
      await site.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (ownInbox) {
        delete process.env.TANDEM_INBOX_DIR;
        rmSync(inboxDir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * The walk rig for a test file: started in a `before` hook, stopped after its tests; its fields
 * are there once that hook has run. Node 20 starts a file's top-level `before` hooks together, so
 * the file starts nothing else in a `before` that needs the rig.
 */
export function useWalkRig(imei14: string, agentOptions: WalkAgentOptions = {}): WalkRig {
  let rig: WalkRig | undefined;
  before(async () => {
    rig = await startWalkRig(imei14, agentOptions);
  });
  after(async () => {
    await rig?.stop();
  });
  const started = (): WalkRig => {
    if (!rig) throw new Error('the walk rig is there only once before() ran');
    return rig;
  };
  const parts = ['dataDir', 'inboxDir', 'site', 'adb', 'sim', 'phone', 'agent'] as const;
  const rigView = { stop: () => started().stop() } as WalkRig;
  for (const part of parts) Object.defineProperty(rigView, part, { get: () => started()[part] });
  return rigView;
}
