// The boot test: the real main-process wiring (electron/main-process.ts, the agent, its embedded
// server, a real private adb server and a simulated phone) under plain Node, with a STAND-IN for
// the `electron` module (testing/electron-module-stand-in.ts: it records windows, tray menus,
// notifications and IPC listeners; it is not Electron). It checks the startup sequence, the
// tray's menu following the phone's states, the startup-failure page when adb is missing (and
// "Try again"), the exact origin check of the tabs' IPC, and that closing the browser window
// keeps the session.
import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startPrivateAdbServer, type PrivateAdbServer } from '../testing/adb-server.js';
import { connectSim } from '../testing/connect-sim.js';
import { installElectronStandIn } from '../testing/electron-module-stand-in.js';
import { nodeTerminal, waitOpen } from '../testing/relay-server.js';
import { startPhoneSim, type PhoneSim } from '../testing/simulated-phone.js';
import { waitFor } from '../testing/wait.js';
import { waitForPhoneState } from '../testing/wait-state.js';

installElectronStandIn();
// The same module instance the wiring gets for `electron` (one URL, one module).
const electron = await import('../testing/electron-module-stand-in.js');
const { runMain } = await import('./main-process.js');
const { TRY_AGAIN_URL } = await import('./startup-failure.js');
const { TABS_PARTITION, UI_PARTITION } = await import('./security/partitions.js');

type Main = NonNullable<Awaited<ReturnType<typeof runMain>>>;

const root = mkdtempSync(join(tmpdir(), 'tandem-boot-'));
const dataDir = join(root, 'data');
const realAdb = process.env.ADB;
let adb: PrivateAdbServer;
let sim: PhoneSim | undefined;
let main: Main;
let phonePage: { close(): void } | undefined;

const tray = () => {
  const [only] = electron.recorded.trays;
  assert.ok(only, 'a tray was made');
  return only;
};
const uiWindow = () => {
  const live = electron.recorded.browserWindows.filter((w) => !w.isDestroyed());
  assert.equal(live.length, 1, 'one UI window');
  return live[0] as InstanceType<typeof electron.BrowserWindow>;
};
const browserWindow = () => {
  assert.equal(electron.recorded.baseWindows.length, 1, 'one browser window, kept');
  return electron.recorded.baseWindows[0] as InstanceType<typeof electron.BaseWindow>;
};
const running = () => {
  const agent = main.agent();
  assert.ok(agent, 'the agent runs');
  return agent;
};

before(async () => {
  adb = await startPrivateAdbServer();
});

after(async () => {
  phonePage?.close();
  if (electron.app.exitCode === undefined) {
    // A test failed before the quit test: stop the agent the way Electron would.
    const exited = new Promise((resolve) => electron.app.once('stand-in-exit', resolve));
    electron.app.quit();
    await exited;
  }
  await sim?.close();
  await adb?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the main process under an electron stand-in', () => {
  it('opens the startup-failure page when adb is missing, and starts on Try again', async () => {
    process.env.ADB = join(root, 'no-such-adb');
    const started = await runMain({ dataDir, agent: { adbPort: adb.port, usb: false } });
    assert.ok(started);
    main = started;
    assert.equal(await main.settled(), 'failed');

    const page = decodeURIComponent(uiWindow().webContents.loaded.at(-1) ?? '');
    assert.match(page, /^data:text\/html/);
    assert.match(page, /Tandem could not start/);
    assert.match(page, /adb was not found/);
    assert.match(page, /Point ADB at an adb executable/);
    assert.match(page, />Try again</);
    assert.equal(uiWindow().isVisible(), true, 'the Tandem window shows the page');
    // Never a blank window: the browser window stays hidden while nothing runs in it.
    for (const window of electron.recorded.baseWindows) assert.equal(window.isVisible(), false);
    assert.deepEqual(tray().labels().slice(0, 1), ['No phone plugged in']);

    if (realAdb === undefined) delete process.env.ADB;
    else process.env.ADB = realAdb;
    assert.equal(uiWindow().webContents.navigate(TRY_AGAIN_URL), true, 'the click is caught');
    assert.equal(await main.settled(), 'running');
    assert.equal(uiWindow().webContents.loaded.at(-1), running().uiUrl);
  });

  it('runs the startup sequence', () => {
    const agent = running();
    const userData = electron.app.paths.get('userData') ?? '';
    assert.ok(userData && !userData.startsWith(dataDir) && !dataDir.startsWith(userData));
    for (const partition of [UI_PARTITION, TABS_PARTITION]) {
      const session = electron.recorded.sessions.get(partition);
      assert.ok(session?.requestHandler && session.checkHandler, `${partition} has handlers`);
    }
    assert.match(String((tray().image as { path: string }).path), /build\/icons\/tray\/tray/);
    const browser = browserWindow();
    assert.equal(browser.isVisible(), true);
    const toolbar = browser.views[0];
    assert.equal(toolbar?.webContents.loaded.at(-1), `${agent.uiUrl}&view=toolbar`);
    assert.equal(toolbar?.options.webPreferences?.partition, UI_PARTITION);
    assert.deepEqual(electron.app.loginItemWrites, [], 'launch at login never switched on');
    assert.equal(
      electron.app.appUserModelId,
      process.platform === 'win32' ? 'app.tandem.desktop' : undefined,
    );
  });

  it("follows the phone's states in the tray's menu, with a notification for each", async () => {
    const agent = running();
    sim = await startPhoneSim({ profile: 'android-14', unauthorized: true });
    await connectSim(adb, sim, { expect: 'unauthorized' });
    await waitForPhoneState(agent.orchestrator, sim.adbSerial, ['unauthorized']);
    const waiting = await waitFor('the tray to ask for USB debugging', () =>
      tray()
        .labels()
        .find((label) => label.endsWith('— Allow USB debugging on the phone')),
    );
    assert.match(waiting, /^Pixel|^\S/);
    sim.accept();
    const status = await waitForPhoneState(agent.orchestrator, sim.adbSerial, [
      'connected',
      'failed',
    ]);
    assert.equal(status.state, 'connected', status.hint);
    await waitFor('the tray to say Connected', () =>
      tray()
        .labels()
        .find((label) => label.endsWith('— Connected')),
    );
    assert.ok(tray().labels()[0]?.includes('****'), 'masked identity shown');
    const titles = electron.recorded.notifications.map((n) => n.options.title);
    assert.equal(titles.filter((t) => t === 'Allow USB debugging').length, 1);
    assert.equal(titles.filter((t) => t === 'Phone connected').length, 1);
  });

  it('speaks the language the person chose, from the desktop UI or the tray, at once', async () => {
    const agent = running();
    agent.control.settings.update({ language: 'zh-CN' });
    await waitFor('the tray in Chinese', () =>
      tray()
        .labels()
        .find((label) => label.endsWith('— 已连接')),
    );
    assert.ok(tray().labels().includes('退出 Tandem'));
    const language = tray().item('语言');
    const english = language.submenu?.find((entry) => entry.label === 'English');
    assert.ok(english, 'the tray has a language submenu');
    english.click?.();
    assert.deepEqual(agent.control.settings.get(), { language: 'en' });
    await waitFor('the tray in English again', () => tray().labels().includes('Quit Tandem'));
    agent.control.settings.update({ language: null });
  });

  it('notifies what the phone sends, once, and opens Tandem on a click', async () => {
    const opened = sim?.intents.at(-1)?.data;
    assert.ok(opened, 'the phone was asked to open the session page');
    // The phone's browser, as a relay terminal on the URL it was given (its localhost is the PC's
    // through adb reverse, so the same port answers here).
    const terminal = nodeTerminal(opened, 'phone');
    const phone = terminal.client.start();
    phonePage = phone;
    await waitOpen(terminal);
    await phone.send({ type: 'data.text', text: 'from the phone' });
    await phone.send({ type: 'data.text', text: 'from the phone' });
    await phone.send({ type: 'data.link', url: 'https://example.org/b' });
    const received = () =>
      electron.recorded.notifications.filter((n) => n.options.title === 'From your phone');
    await waitFor('two notifications of what the phone sent', () => received().length === 2);
    assert.deepEqual(
      received().map((n) => n.options.body),
      ['from the phone', 'A link: https://example.org/b'],
    );
    uiWindow().hide();
    received()[0]?.emit('click');
    assert.equal(uiWindow().isVisible(), true);
  });

  it('refuses a tab message from …:40001 for a frame injected on …:4000', async () => {
    const agent = running();
    const tab = await agent.browser?.open('http://127.0.0.1:4000/page');
    assert.ok(tab);
    const view = electron.recorded.views.find((v) =>
      v.webContents.loaded.includes('http://127.0.0.1:4000/page'),
    );
    assert.ok(view, 'the tab is a view');
    assert.equal(view.options.webPreferences?.partition, TABS_PARTITION);
    const contents = view.webContents;
    const setup = {
      sender: contents,
      senderFrame: contents.mainFrame,
      returnValue: undefined as unknown,
    };
    electron.ipcMain.emit('tandem:tab-setup', setup);
    const given = setup.returnValue as { scripts: string[]; channels: string[] };
    assert.deepEqual(given.channels, ['__tandemMirrorEmit']);
    assert.equal(given.scripts.length, 1, "the mirror's page agent");

    const batches: string[] = [];
    agent.browser?.mirror.onAnyBatch((_tabId, batch) => batches.push(batch.url));
    const batch = (url: string) => JSON.stringify({ url, events: [] });
    const send = (frame: object, payload: string) =>
      electron.ipcMain.emit(
        'tandem:tab-message',
        { sender: contents, senderFrame: frame },
        '__tandemMirrorEmit',
        payload,
      );
    send({ ...contents.mainFrame, url: 'http://127.0.0.1:40001/page' }, batch('from-40001'));
    send({ ...contents.mainFrame, routingId: 99 }, batch('from-a-subframe'));
    send(contents.mainFrame, batch('from-4000'));
    assert.deepEqual(batches, ['from-4000']);
  });

  it('keeps the session when the browser window is closed; the tray and activate reopen it', async () => {
    const agent = running();
    const serial = sim?.adbSerial ?? '';
    const tabsBefore = agent.browser?.tabs().length;
    const browser = browserWindow();
    browser.close();
    assert.equal(browser.isDestroyed(), false);
    assert.equal(browser.isVisible(), false);
    assert.equal(agent.orchestrator.list().find((p) => p.serial === serial)?.state, 'connected');
    assert.ok(agent.sessions.session(serial), 'the phone session lives on');
    assert.equal(agent.browser?.tabs().length, tabsBefore);

    tray().emit('click');
    assert.equal(browser.isVisible(), true, 'the tray reopens it');
    browser.close();
    electron.app.emit('activate');
    assert.equal(browser.isVisible(), true, 'macOS activate reopens it');
    assert.equal(main.agent(), agent);
  });

  it('quits from the tray after stopping the agent', async () => {
    const agent = running();
    assert.equal(existsSync(join(dataDir, 'agent.json')), true);
    phonePage?.close();
    const exited = new Promise((resolve) => electron.app.once('stand-in-exit', resolve));
    const quit = electron.recorded.trays[0]?.menus
      .at(-1)
      ?.template.find((item) => item.label === 'Quit Tandem') as { click(): void } | undefined;
    quit?.click();
    assert.equal(await exited, 0);
    assert.equal(existsSync(join(dataDir, 'agent.json')), false, 'the agent stopped first');
    assert.equal(main.agent(), agent);
    await assert.rejects(fetch(agent.controlUrl), 'its control API is closed');
  });
});
