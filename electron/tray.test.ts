// The tray through an injected factory: its menu follows the phones' states in words, Launch at
// login is a real checkbox, and a left click opens the window.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { MenuItemConstructorOptions } from 'electron';
import type { PhoneView } from '../protocol/control-responses.js';
import { TrayController, trayIconFile, type TrayFactory } from './tray.js';
import type { TrayActions, TrayState } from './tray-menu.js';
import { wordsFor } from '../protocol/i18n/desktop-words.js';
import { samplePhone } from '../testing/sample-phone.js';

type Template = MenuItemConstructorOptions[];

function fakeTray() {
  const made = {
    menus: [] as Template[],
    tips: [] as string[],
    click: undefined as (() => void) | undefined,
  };
  const factory: TrayFactory<Template> = {
    createTray: () => ({
      setToolTip: (text) => made.tips.push(text),
      setContextMenu: (menu) => made.menus.push(menu),
      on: (_event, listener) => (made.click = listener),
      destroy: () => undefined,
    }),
    buildMenu: (template) => template,
  };
  return { factory, made, last: () => made.menus.at(-1) ?? [] };
}

function recordingActions() {
  const calls: string[] = [];
  const actions: TrayActions = {
    open: () => calls.push('open'),
    setPaused: (paused) => calls.push(`paused:${paused}`),
    setLaunchAtLogin: (on) => calls.push(`login:${on}`),
    checkForUpdates: () => calls.push('check'),
    restartToUpdate: () => calls.push('restart'),
    quit: () => calls.push('quit'),
    setLanguage: (language) => calls.push(`language:${language}`),
    reopen: (serial) => calls.push(`reopen:${serial}`),
  };
  return { calls, actions };
}

const idle: TrayState = { phones: [], paused: false, launchAtLogin: false, update: 'idle' };

function phone(state: string, extra: Partial<PhoneView> = {}): PhoneView {
  return { ...samplePhone(state), ...extra };
}

const labels = (menu: Template) => menu.map((item) => item.label ?? `(${item.type})`);
const item = (menu: Template, label: string) => {
  const found = menu.find((entry) => entry.label === label);
  assert.ok(found, `no menu item "${label}" in ${labels(menu).join(', ')}`);
  return found;
};
const click = (entry: MenuItemConstructorOptions) => (entry.click as unknown as () => void)();

describe('tray', () => {
  const en = wordsFor('en-US');

  it('lists each phone by model and masked identity with its state in words', () => {
    const { factory, last } = fakeTray();
    const tray = new TrayController(factory, en, recordingActions().actions, idle);
    assert.deepEqual(labels(last()).slice(0, 1), ['No phone plugged in']);

    tray.update({ phones: [phone('unauthorized')] });
    assert.equal(last()[0]?.label, 'Pixel 8 ****4321 — Allow USB debugging on the phone');
    assert.equal(last()[0]?.enabled, false);
    tray.update({ phones: [phone('bound-elsewhere')] });
    assert.equal(last()[0]?.label, 'Pixel 8 ****4321 — Paired with another computer');
    tray.update({
      phones: [
        phone('connected'),
        phone('detected', { serial: 'X', model: 'Galaxy', identity: null, reason: 'PAUSED' }),
      ],
    });
    assert.deepEqual(labels(last()).slice(0, 2), [
      'Pixel 8 ****4321 — Connected',
      'Galaxy — Pairing paused',
    ]);
  });

  it('offers "Open on the phone again" for each connected phone, and only for those', () => {
    const { factory, last } = fakeTray();
    const { calls, actions } = recordingActions();
    const tray = new TrayController(factory, en, actions, idle);
    tray.update({
      phones: [phone('connected', { serial: 'S1' }), phone('unauthorized', { serial: 'S2' })],
    });
    const again = last().filter((entry) => entry.label?.startsWith('Open Tandem on '));
    assert.equal(again.length, 1);
    click(again[0] as MenuItemConstructorOptions);
    assert.deepEqual(calls, ['reopen:S1']);
  });

  it('has Open, Pause pairing, Launch at login, Check for updates and Quit', () => {
    const { factory, last } = fakeTray();
    const { calls, actions } = recordingActions();
    new TrayController(factory, en, actions, idle);
    const menu = last();
    assert.deepEqual(labels(menu).slice(1), [
      '(separator)',
      'Open Tandem',
      'Pause pairing',
      'Launch at login',
      'Language',
      'Check for updates',
      '(separator)',
      'Quit Tandem',
    ]);
    for (const label of [
      'Open Tandem',
      'Pause pairing',
      'Launch at login',
      'Check for updates',
      'Quit Tandem',
    ]) {
      click(item(menu, label));
    }
    assert.deepEqual(calls, ['open', 'paused:true', 'login:true', 'check', 'quit']);
  });

  it('shows Launch at login as the system says, off until the person turns it on', () => {
    const { factory, last } = fakeTray();
    const tray = new TrayController(factory, en, recordingActions().actions, idle);
    const login = item(last(), 'Launch at login');
    assert.equal(login.type, 'checkbox');
    assert.equal(login.checked, false);
    tray.update({ launchAtLogin: true });
    assert.equal(item(last(), 'Launch at login').checked, true);
  });

  it('says "Update ready — restart" once an update is downloaded, and restarts on a click', () => {
    const { factory, last } = fakeTray();
    const { calls, actions } = recordingActions();
    const tray = new TrayController(factory, en, actions, idle);
    tray.update({ update: 'checking' });
    assert.equal(item(last(), 'Checking for updates…').enabled, false);
    tray.update({ update: 'ready' });
    click(item(last(), 'Update ready — restart'));
    assert.deepEqual(calls, ['restart']);
  });

  it('opens the window on a left click', () => {
    const { factory, made } = fakeTray();
    const { calls, actions } = recordingActions();
    new TrayController(factory, en, actions, idle);
    made.click?.();
    assert.deepEqual(calls, ['open']);
  });

  it('speaks Simplified Chinese for zh-CN', () => {
    const { factory, last } = fakeTray();
    const tray = new TrayController(factory, wordsFor('zh-CN'), recordingActions().actions, idle);
    tray.update({ phones: [phone('unauthorized')] });
    assert.equal(last()[0]?.label, 'Pixel 8 ****4321 — 请在手机上允许 USB 调试');
    assert.ok(labels(last()).includes('登录时启动'));
    assert.equal(wordsFor('zh-Hans-CN'), wordsFor('zh-CN'));
    assert.equal(wordsFor('zh-TW'), wordsFor('en'));
  });

  it('puts template images in the macOS menu bar', () => {
    assert.equal(trayIconFile('darwin'), 'trayTemplate.png');
    assert.equal(trayIconFile('win32'), 'tray.ico');
    assert.equal(trayIconFile('linux'), 'tray@2x.png');
  });
});
