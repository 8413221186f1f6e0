// How the phone reaches a --server: one on this computer's loopback (a real `tandem server` process
// on 127.0.0.1) gets the same adb reverse as the embedded server, and the phone opens it as its own
// localhost; one off loopback (a LAN-like name, mapped to 127.0.0.1 for the agent and the test's
// Chromium: no traffic leaves loopback) is handed to the phone as it is, and being plain http, the
// agent warns once, in its log and in the desktop UI.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { luhnComplete, startPhoneSim, type PhoneSim } from '../../phone-sim/index.js';
import { startPrivateAdbServer, type PrivateAdbServer } from '../../testing/adb-server.js';
import { startAgentProcess, type AgentProcess } from '../../testing/agent-process.js';
import { readAgentFile } from '../control/agent-file.js';
import { connectSim } from '../../testing/connect-sim.js';
import { freePort } from '../../testing/free-port.js';
import {
  LAN_NAME,
  launchLanChromium,
  lanNameNodeOptions,
  startLanServer,
  type LanServer,
} from '../../testing/lan-server.js';
import { startServerProcess, type ServerProcess } from '../../testing/server-process.js';

const WARNING = 'is plain HTTP off this computer';
/** The desktop UI says it in the person's words (the catalogue's ui.serverWarning). */
const UI_WARNING = 'uses plain HTTP over the network';

describe('agent --server: how the phone reaches it', () => {
  const root = mkdtempSync(join(tmpdir(), 'tandem-server-reach-'));
  const adbs: PrivateAdbServer[] = [];
  const sims: PhoneSim[] = [];
  const agents: AgentProcess[] = [];
  let server: ServerProcess | undefined;
  let lan: LanServer | undefined;

  after(async () => {
    for (const agent of agents) await agent.stop();
    for (const sim of sims) await sim.close();
    await server?.kill();
    await lan?.close();
    for (const adb of adbs) await adb.stop();
    rmSync(root, { recursive: true, force: true });
  });

  /** A phone of its own on an adb server of its own, paired by an agent on `serverUrl`. */
  async function pairedPhone(
    name: string,
    imei: string,
    serverUrl: string,
    env?: NodeJS.ProcessEnv,
  ) {
    const adb = await startPrivateAdbServer();
    adbs.push(adb);
    const sim = await startPhoneSim({ profile: 'android-14', imei: luhnComplete(imei) });
    sims.push(sim);
    const agent = await startAgentProcess({
      dataDir: join(root, name),
      adbPort: adb.port,
      serverUrl,
      ...(env ? { env } : {}),
    });
    agents.push(agent);
    await connectSim(adb, sim);
    const connected = await agent.waitFor(sim.adbSerial, ['connected', 'failed'], 30_000);
    assert.equal(connected.state, 'connected', JSON.stringify(connected));
    const reverses = await adb.adb(['-s', sim.adbSerial, 'reverse', '--list']);
    const opened = sim.intents.map((intent) => intent.data ?? '');
    return { sim, agent, reverses, opened };
  }

  it('a loopback --server (a tandem server process) is reversed, and the phone opens its localhost', async () => {
    const port = await freePort();
    server = await startServerProcess({ port, dataDir: join(root, 'server') });
    assert.equal(server.url, `http://127.0.0.1:${port}`);
    const { agent, reverses, opened } = await pairedPhone('loopback', '35693803560001', server.url);
    assert.match(reverses, new RegExp(`tcp:${port} tcp:${port}`), 'the phone reverses the port');
    assert.equal(opened.length, 1);
    assert.ok(opened[0]!.startsWith(`http://localhost:${port}/s/`), 'its own localhost');
    assert.ok(!agent.output().includes(WARNING), 'no warning for loopback');
  });

  it('a plain-http --server off loopback is handed to the phone as it is, with one warning', async () => {
    lan = await startLanServer();
    const lanUrl = lan.lanBase;
    assert.ok(lanUrl.startsWith(`http://${LAN_NAME}:`));
    const { agent, reverses, opened } = await pairedPhone('lan', '35693803560002', lanUrl, {
      NODE_OPTIONS: lanNameNodeOptions(),
    });
    const port = new URL(lanUrl).port;
    assert.doesNotMatch(reverses, new RegExp(`tcp:${port}`), 'no reverse for a remote server');
    assert.equal(opened.length, 1);
    assert.ok(opened[0]!.startsWith(`${lanUrl}/s/`), `handed as it is: ${opened[0]}`);
    const warnings = agent
      .output()
      .split('\n')
      .filter((line) => line.includes(WARNING));
    assert.equal(warnings.length, 1, `warned once:\n${warnings.join('\n')}`);
    assert.match(warnings[0]!, /"level":40/, 'at warn level');
    assert.match(warnings[0]!, /without a secure context/);

    // The desktop UI says it too.
    const file = readAgentFile(agent.dataDir)!;
    const browser = await launchLanChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${file.controlUrl}/?token=${file.token}`);
      const shown = page.locator('#server-warning', { hasText: UI_WARNING });
      await shown.waitFor();
      assert.match(await shown.innerText(), new RegExp(`http://${LAN_NAME}:${port} ${UI_WARNING}`));
    } finally {
      await browser.close();
    }
  });
});
