// The walk on a built agent, wherever the build sits (dist/ in a temp install, or the app extracted
// from the installer's app.asar): the agent (headless) on a private adb server, a simulated phone
// plugged in, the phone's browser opening the session page through adb reverse, and a PC page
// mirrored live on the phone — recorded by the prebuilt page agent, replayed by the prebuilt replayer.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startPrivateAdbServer, type PrivateAdbServer } from './adb-server.js';
import { startChild, stopChild } from './built-app.js';
import { connectSim } from './connect-sim.js';
import { startFixtureSite, type FixtureSite } from './fixture-site.js';
import { startPhoneBrowser, type PhoneBrowser } from './phone-browser.js';
import { luhnComplete, startPhoneSim, type PhoneSim } from './simulated-phone.js';
import { waitFor } from './wait.js';

const run = promisify(execFile);

export interface BuiltWalkOptions {
  /** The built app's root (the agent's working folder). */
  cwd: string;
  /** Node arguments that run the built CLI, compiler guard included: `[...tandemArgs, 'agent']`. */
  tandemArgs: string[];
  /** The agent's data folder. */
  dataDir: string;
}

/** Runs the whole walk and asserts each step; every process it started is stopped at the end. */
export async function runWalkOnBuiltAgent({
  cwd,
  tandemArgs,
  dataDir,
}: BuiltWalkOptions): Promise<void> {
  let adb: PrivateAdbServer | undefined;
  let sim: PhoneSim | undefined;
  let phone: PhoneBrowser | undefined;
  let site: FixtureSite | undefined;
  let agent: ReturnType<typeof startChild> | undefined;
  try {
    site = await startFixtureSite();
    adb = await startPrivateAdbServer();
    sim = await startPhoneSim({ profile: 'android-14', imei: luhnComplete('35693803564398') });
    phone = await startPhoneBrowser(sim);
    const env = { ...process.env, TANDEM_LOG_LEVEL: 'warn', DISPLAY: ':987' };
    agent = startChild(
      [
        ...tandemArgs,
        'agent',
        '--headless',
        '--no-usb',
        '--no-link',
        '--data',
        dataDir,
        '--adb-port',
        String(adb.port),
      ],
      cwd,
      env,
    );
    const running = agent;
    await waitFor(
      'the agent running',
      () => {
        if (running.child.exitCode !== null)
          throw new Error(`agent exited: ${running.output.stderr}`);
        return running.output.stdout.includes('Plug an Android phone in');
      },
      60_000,
    );
    const opened = phone.nextPage(60_000);
    await connectSim(adb, sim);
    const page = await opened;
    assert.match(page.url(), /^http:\/\/localhost:\d+\/s\/[\w-]+/);
    await page.locator('#status', { hasText: 'Connected' }).waitFor({ timeout: 30_000 });
    await page.locator('#peer', { hasText: 'PC connected' }).waitFor({ timeout: 30_000 });
    // The PC page is recorded by the prebuilt page agent and replayed by the prebuilt replayer.
    await run(
      process.execPath,
      [...tandemArgs, 'open', site.url('/article.html'), '--data', dataDir],
      {
        cwd,
        env,
      },
    );
    await page
      .frameLocator('#mirror iframe')
      .locator('#headline')
      .filter({ hasText: 'Tandem fixture article' })
      .waitFor({ timeout: 30_000 });
    assert.doesNotMatch(agent.output.stderr, /compiler was (loaded|required)/);
  } finally {
    if (agent) await stopChild(agent.child);
    await phone?.close();
    await sim?.close();
    await adb?.stop();
    await site?.close();
  }
}
